import type { RankedCriterion, Results } from '../../core/score-results';
import { useI18n } from '../../i18n/i18n-context';
import { formatScore } from '../../i18n/t';

/** The three answers whose next level is worth most, each with the concrete action. */
export function Levers({ results }: { results: Results }) {
  const { t, local } = useI18n();
  if (results.levers.length === 0) return null;
  return (
    <section className="levers" aria-labelledby="levers-title">
      <h2 id="levers-title">{t('results.levers')}</h2>
      <ol data-testid="levers">
        {results.levers.map((lever) => (
          <li key={lever.id}>
            <p className="lever-head">
              <strong>{local(lever.name)}</strong>{' '}
              <span className="gain">
                {t('results.leverGain', { points: formatScore(lever.gain) })}
              </span>
            </p>
            <p className="lever-action">
              <span className="lever-next">
                {t('results.leverNext', { label: local(lever.nextLevel.label) })}
              </span>{' '}
              {local(lever.nextLevel.descriptor)}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function RankedList({
  id,
  title,
  items,
  empty,
}: {
  id: string;
  title: string;
  items: RankedCriterion[];
  empty?: string;
}) {
  const { local } = useI18n();
  if (items.length === 0 && empty === undefined) return null;
  return (
    <section className="ranked" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul data-testid={id}>
          {items.map((item) => (
            <li key={item.id}>
              <span>{local(item.name)}</span>{' '}
              <span className="percent">{formatScore(item.percent)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function StrengthsAndWeaknesses({ results }: { results: Results }) {
  const { t } = useI18n();
  if (results.evenPercent !== null) {
    return (
      <section className="ranked" aria-labelledby="standout-title">
        <h2 id="standout-title">{t('results.strengthsAndWeaknesses')}</h2>
        <p data-testid="nothing-stands-out">
          {t('findings.nothingStandsOut', { percent: formatScore(results.evenPercent) })}
        </p>
      </section>
    );
  }
  return (
    <div className="two-columns">
      <RankedList id="strengths" title={t('results.strengths')} items={results.strengths} />
      <RankedList id="weaknesses" title={t('results.weaknesses')} items={results.weaknesses} />
    </div>
  );
}

export function ToVerify({ results }: { results: Results }) {
  const { t } = useI18n();
  return (
    <>
      <RankedList id="to-verify" title={t('results.toVerify')} items={results.toVerify} />
      {results.toVerify.length > 0 && <p className="hint">{t('results.toVerifyHint')}</p>}
    </>
  );
}

/** One sentence: does the verdict survive any single answer moving one level? */
export function Robustness({ results }: { results: Results }) {
  const { t, local } = useI18n();
  if (results.verdict === null) return null;
  const { changes } = results.robustness;
  const shown = changes
    .slice(0, 3)
    .map((c) =>
      t(`results.move.${c.direction}`, { name: local(c.name), verdict: local(c.band.label) }),
    );
  const more = changes.length - shown.length;
  return (
    <p className="robustness" data-testid="robustness">
      {changes.length === 0
        ? t('results.robust')
        : t('results.fragile', {
            list:
              shown.join(t('results.listSeparator')) +
              (more > 0 ? t('results.andMore', { count: more }) : ''),
          })}
    </p>
  );
}
