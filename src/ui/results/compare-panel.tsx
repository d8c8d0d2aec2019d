import type { AssessmentSummary } from '../../core/assessment-summary';
import type { Results } from '../../core/score-results';
import { useI18n } from '../../i18n/i18n-context';
import { formatScore, signed, LOCALES } from '../../i18n/t';

interface Props {
  candidates: readonly AssessmentSummary[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  results: Results;
  other: { label: string; results: Results } | null;
}

/** Pick another saved assessment to overlay, and see the difference per criterion. */
export function ComparePanel({ candidates, selectedId, onSelect, results, other }: Props) {
  const { t, local, lang } = useI18n();
  const date = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium' });
  return (
    <section className="compare" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('compare.title')}</h2>
      {candidates.length === 0 ? (
        <p>{t('compare.none')}</p>
      ) : (
        <div className="field">
          <label htmlFor="compare-with">{t('compare.label')}</label>
          <select
            id="compare-with"
            value={selectedId ?? ''}
            onChange={(event) => onSelect(event.target.value === '' ? null : event.target.value)}
          >
            <option value="">{t('compare.nothing')}</option>
            {candidates.map((d) => (
              <option key={d.id} value={d.id}>
                {d.company.name || t('drafts.unnamed')} · {d.evaluator.name} (
                {t(`role.${d.evaluator.role}`)}) · {date.format(new Date(d.updatedAt))}
              </option>
            ))}
          </select>
        </div>
      )}
      {other !== null && (
        <div className="table-scroll">
          <table className="compare-table" data-testid="compare-table">
            <caption>{t('compare.caption', { other: other.label })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.criterion')}</th>
                <th scope="col">{t('compare.this')}</th>
                <th scope="col">{other.label}</th>
                <th scope="col">{t('compare.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {results.criteria.map((c) => {
                const theirs = other.results.criteria.find((o) => o.id === c.id)?.percent ?? null;
                const diff = c.percent === null || theirs === null ? null : c.percent - theirs;
                return (
                  <tr key={c.id}>
                    <th scope="row">{local(c.name)}</th>
                    <td>{formatScore(c.percent)}</td>
                    <td>{formatScore(theirs)}</td>
                    <td
                      className={
                        diff === null || Math.abs(diff) < 0.05
                          ? ''
                          : diff > 0
                            ? 'diff-up'
                            : 'diff-down'
                      }
                    >
                      {signed(diff)}
                    </td>
                  </tr>
                );
              })}
              <tr className="total-row">
                <th scope="row">{t('results.overall')}</th>
                <td>{formatScore(results.overall)}</td>
                <td>{formatScore(other.results.overall)}</td>
                <td>
                  {signed(
                    results.overall === null || other.results.overall === null
                      ? null
                      : results.overall - other.results.overall,
                  )}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
