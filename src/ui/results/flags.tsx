import type { Results } from '../../core/score-results';
import { useI18n } from '../../i18n/i18n-context';
import './results-stage.css';

/**
 * Red flags come first when there are any: they decide the verdict. Two
 * kinds, each listed apart: answers below a knock-out level, and deal-breakers
 * answered the walk-away way (with why they matter and the band they cap at).
 */
export function RedFlags({ results }: { results: Results }) {
  const { t, local } = useI18n();
  const { redFlags, dealBreakers } = results;
  if (redFlags.length === 0 && dealBreakers.length === 0) return null;
  return (
    <section className="red-flags" aria-labelledby="red-flags-title" data-testid="red-flags">
      <h2 id="red-flags-title">{t('results.redFlags')}</h2>
      <p>{t('results.flagsIntro')}</p>
      {redFlags.length > 0 && (
        <>
          <h3>{t('results.knockouts')}</h3>
          <p className="hint">{t('results.redFlagsIntro')}</p>
          <ul data-testid="knockouts">
            {redFlags.map((flag) => {
              const criterion = results.criteria.find((c) => c.id === flag.id);
              return (
                <li key={flag.id}>
                  <strong>{local(flag.name)}</strong>:{' '}
                  {criterion?.level ? local(criterion.level.label) : flag.value}
                  {' — '}
                  {t('results.redFlagRule', { level: criterion?.levelNumber ?? flag.value })}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {dealBreakers.length > 0 && (
        <>
          <h3>{t('results.dealBreakerFlags')}</h3>
          <ul className="deal-breaker-flags" data-testid="deal-breaker-flags">
            {dealBreakers.map((flag) => (
              <li key={flag.id}>
                <strong>{local(flag.question)}</strong>{' '}
                {t('results.dealBreakerAnswer', {
                  answer: t(`answer.${flag.answer}`),
                  band: local(flag.capBand.label),
                })}
                <span className="flag-explanation">{local(flag.explanation)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Deal-breaker questions nobody answered: a to-do, since the verdict is provisional until then. */
export function OpenDealBreakers({
  results,
  onAnswer,
}: {
  results: Results;
  onAnswer: () => void;
}) {
  const { t, local } = useI18n();
  const open = results.unansweredDealBreakers;
  if (open.length === 0) return null;
  return (
    <section
      className="open-deal-breakers"
      aria-labelledby="open-deal-breakers-title"
      data-testid="open-deal-breakers"
    >
      <h2 id="open-deal-breakers-title">{t('results.openDealBreakers')}</h2>
      <p>{t('results.openDealBreakersIntro')}</p>
      <ul>
        {open.map((question) => (
          <li key={question.id}>{local(question.question)}</li>
        ))}
      </ul>
      <button type="button" className="button secondary no-print" onClick={onAnswer}>
        {t('results.answerDealBreakers')}
      </button>
    </section>
  );
}
