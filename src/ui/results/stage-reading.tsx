import type { Results } from '../../core/score-results';
import { useI18n } from '../../i18n/i18n-context';
import { formatScore } from '../../i18n/t';
import './results-stage.css';

/**
 * The assessment read against its stage (docs/scoring.md, "Stage"): the bar a
 * company exactly at the stage's expectations would score, the stage reading
 * the verdict is looked up with, and how many criteria are ahead, at or behind.
 */
export function StageReading({ results, bandLabel }: { results: Results; bandLabel: string }) {
  const { t, local } = useI18n();
  const reading = results.stage;
  if (reading === null) return null;
  const stage = t(`stage.${reading.stage}`);
  const names = new Map(results.criteria.map((c) => [c.id, local(c.name)]));
  return (
    <section
      className="stage-reading"
      aria-labelledby="stage-reading-title"
      data-testid="stage-reading"
    >
      <h2 id="stage-reading-title">{t('stageReading.title', { stage })}</h2>
      <p>{t('stageReading.bar', { bar: formatScore(reading.bar), stage })}</p>
      <p>
        {t('stageReading.score', {
          score: formatScore(reading.score),
          low: formatScore(reading.range[0]),
          high: formatScore(reading.range[1]),
          line: formatScore(reading.line),
          band: bandLabel,
        })}
      </p>
      <p className="stage-counts">
        {t('stageReading.counts', {
          ahead: reading.ahead.length,
          at: reading.at.length,
          behind: reading.behind.length,
        })}
        {reading.behind.length > 0 && (
          <>
            {' '}
            {t('stageReading.behind', {
              list: reading.behind.map((id) => names.get(id) ?? id).join(t('punct.comma')),
            })}
          </>
        )}
      </p>
    </section>
  );
}
