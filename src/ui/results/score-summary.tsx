import { capCauseOf, type CapCause } from '../../core/cap-cause';
import type { Results } from '../../core/score-results';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/t';
import { formatScore } from '../../i18n/t';

const CAP_NOTES: Record<CapCause, MessageKey> = {
  'red-flag': 'results.verdictCapped',
  'deal-breaker': 'results.verdictCappedDealBreaker',
  both: 'results.verdictCappedBoth',
};

/**
 * The headline: overall score with its evidence range, the verdict (saying
 * when it reads against the stage, what caps it, and when open deal-breaker
 * questions make it provisional), sections, and coverage for drafts.
 */
export function ScoreSummary({ results }: { results: Results }) {
  const { t, local, lang } = useI18n();
  const { overall, range, verdict } = results;
  if (overall === null || range === null || verdict === null)
    return <p>{t('results.noAnswers')}</p>;
  const cap = capCauseOf(results);
  return (
    <section className="score-summary" aria-labelledby="overall-title">
      {!results.complete && (
        <p className="draft-note" data-testid="coverage">
          {t('results.coverage', { answered: results.answeredCount, total: results.totalCount })}
        </p>
      )}
      <div className="overall-card">
        <h2 id="overall-title" className="overall-label">
          {t('results.overall')}
        </h2>
        <p className="overall-value" data-testid="overall-score">
          {formatScore(overall)}
          <span className="overall-max"> / 100</span>
        </p>
        <p className="overall-range" data-testid="overall-range">
          {t('results.range', { low: formatScore(range[0]), high: formatScore(range[1]) })}
        </p>
        <p className={`verdict${verdict.capped ? ' verdict-capped' : ''}`}>
          <span className="verdict-label" data-testid="verdict-label">
            {results.stage !== null && verdict.basis === 'stage'
              ? t('results.verdictAgainstStage', { stage: t(`stage.${results.stage.stage}`) })
              : t('results.verdict')}
          </span>{' '}
          <strong data-testid="verdict">{local(verdict.band.label)}</strong>
          {cap !== null && (
            <>
              {/* Chinese brackets are full-width and take no space before them. */}
              {lang === 'zh' ? '' : ' '}
              <span className="verdict-note">{t(CAP_NOTES[cap])}</span>
            </>
          )}
        </p>
        {results.unansweredDealBreakers.length > 0 && (
          <p className="verdict-provisional" data-testid="verdict-provisional">
            {t('results.provisional', { count: results.unansweredDealBreakers.length })}
          </p>
        )}
        {verdict.band.description !== undefined && (
          <p className="verdict-description">{local(verdict.band.description)}</p>
        )}
      </div>
      <dl className="section-scores">
        {results.sections.map((section) => (
          <div key={section.id}>
            <dt>{local(section.name)}</dt>
            <dd data-testid={`section-${section.id}`}>
              {section.score === null ? t('results.notAnswered') : formatScore(section.score)}
              {section.answeredCount < section.totalCount && (
                <span className="section-coverage">
                  {' '}
                  {t('results.sectionCoverage', {
                    answered: section.answeredCount,
                    total: section.totalCount,
                  })}
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
