import type { RatingReading, Rescore } from '../../core/rescore';
import { useI18n } from '../../i18n/i18n-context';
import { formatScore, signed } from '../../i18n/t';
import { evidenceText, type EvidenceKey } from '../../i18n/evidence-text';

interface Props {
  rescore: Rescore;
  oldVersion: string;
  newVersion: string;
}

/**
 * What a re-score changes, for a person to check before applying it: per
 * criterion the old and new level and percent, the answers and facts left
 * behind, and the overall score and verdict before and after.
 */
export function RescoreChanges({ rescore, oldVersion, newVersion }: Props) {
  const { t, local, lang } = useI18n();
  const et = (key: EvidenceKey, vars?: Record<string, string | number>) =>
    evidenceText(lang, key, vars);
  const levelText = (n: number | null) =>
    n === null ? et('rescore.noLevel') : et('rescore.levelNumber', { n });
  const old = t('rescore.version', { version: oldVersion });
  const next = t('rescore.version', { version: newVersion });
  const reading = (r: RatingReading | null, missing: string) =>
    r === null
      ? missing
      : `${t('rescore.reading', { level: r.levelNumber, count: r.levelCount, percent: formatScore(r.percent) })} · ${local(r.label)}`;
  const dropped = new Set(rescore.dropped.map((d) => d.id));
  const { overall, verdict } = rescore;
  const newQuestions = rescore.assessment.rubric.dealBreakers ?? [];
  const open = newQuestions.filter((q) => !Object.hasOwn(rescore.assessment.dealBreakers, q.id));
  return (
    <>
      <div className="table-scroll">
        <table className="compare-table rescore-table" data-testid="rescore-table">
          {/* The heading above says the same; the caption names the table for screen readers. */}
          <caption className="visually-hidden">
            {t('rescore.caption', { version: newVersion })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('results.criterion')}</th>
              <th scope="col">{old}</th>
              <th scope="col">{next}</th>
              <th scope="col">{t('compare.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {rescore.criteria.map((c) => (
              <tr key={c.id}>
                <th scope="row">{local(c.name)}</th>
                <td>{reading(c.before, t('rescore.notAnswered'))}</td>
                <td>
                  {reading(
                    c.after,
                    dropped.has(c.id) ? t('rescore.notCarried') : t('rescore.notAnswered'),
                  )}
                </td>
                <td>
                  {c.before === null || c.after === null
                    ? '—'
                    : signed(c.after.percent - c.before.percent)}
                </td>
              </tr>
            ))}
            <tr className="total-row">
              <th scope="row">{t('rescore.overall')}</th>
              <td>{overall.before === null ? '—' : formatScore(overall.before)}</td>
              <td>{overall.after === null ? '—' : formatScore(overall.after)}</td>
              <td>
                {signed(
                  overall.before === null || overall.after === null
                    ? null
                    : overall.after - overall.before,
                )}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('rescore.verdict')}</th>
              <td>{verdict.before === null ? '—' : local(verdict.before.band.label)}</td>
              <td>{verdict.after === null ? '—' : local(verdict.after.band.label)}</td>
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      {rescore.dropped.length > 0 && (
        <div className="rescore-dropped" data-testid="rescore-dropped">
          <p>{t('rescore.dropped')}</p>
          <ul>
            {rescore.dropped.map((d) => {
              const name = rescore.criteria.find((c) => c.id === d.id);
              const label = name === undefined ? d.id : local(name.name);
              return (
                <li key={d.id}>
                  {d.reason === 'no-criterion'
                    ? t('rescore.droppedNoCriterion', { name: label, version: newVersion })
                    : t('rescore.droppedNoLevel', {
                        name: label,
                        value: d.value,
                        version: newVersion,
                      })}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {rescore.droppedFacts.length > 0 && (
        <p>
          {t('rescore.droppedFacts', {
            count: rescore.droppedFacts.reduce((n, d) => n + d.facts.length, 0),
          })}
        </p>
      )}
      {rescore.evidenceChanges.length > 0 && (
        <div>
          <p>{et('rescore.title', { version: newVersion })}</p>
          <ul>
            {rescore.evidenceChanges.map((change, i) => {
              const criterion = rescore.criteria.find((c) => c.id === change.id);
              const vars = {
                name: criterion === undefined ? change.id : local(criterion.name),
                task: change.task,
                before: levelText(change.before),
                after: levelText(change.after),
              };
              return (
                <li key={i}>
                  {et(change.acceptanceWithdrawn ? 'rescore.withdrawn' : 'rescore.level', vars)}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {rescore.droppedDealBreakers.length > 0 && (
        <p>
          {t('rescore.droppedDealBreakers', {
            count: rescore.droppedDealBreakers.length,
            version: newVersion,
          })}
        </p>
      )}
      {open.length > 0 && (
        <p>{t('rescore.openQuestions', { count: open.length, version: newVersion })}</p>
      )}
    </>
  );
}
