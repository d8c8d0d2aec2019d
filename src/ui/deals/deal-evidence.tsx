import { listCriteria } from '../../core/rubric-index';
import type { Assessment, Rubric } from '../../core/schema';
import { evidenceText } from '../../i18n/evidence-text';
import { useI18n } from '../../i18n/i18n-context';
import { EvidenceLines } from '../components/evidence-lines';

interface Props {
  rubric: Rubric;
  /** Every rater's whole assessment (summaries leave evidence out). */
  assessments: readonly Assessment[];
}

/** Each criterion's model evidence, rater by rater: the figures behind the numbers being compared. */
export function DealEvidence({ rubric, assessments }: Props) {
  const { lang, local, t } = useI18n();
  const rows = listCriteria(rubric).flatMap((entry) => {
    const raters = assessments.filter(
      (a) => (a.answers[entry.fullId]?.modelEvidence?.length ?? 0) > 0,
    );
    return raters.length === 0 ? [] : [{ entry, raters }];
  });
  if (rows.length === 0) return null;
  return (
    <section
      className="model-evidence"
      aria-labelledby="deal-evidence-title"
      data-testid="deal-evidence"
    >
      <h2 id="deal-evidence-title">{evidenceText(lang, 'summary.title')}</h2>
      <p className="hint">{evidenceText(lang, 'summary.intro')}</p>
      <dl>
        {rows.map(({ entry, raters }) => (
          <div key={entry.fullId}>
            <dt>{local(entry.criterion.name)}</dt>
            {raters.map((a) => (
              <dd key={a.id}>
                {a.evaluator.name} ({t(`role.${a.evaluator.role}`)})
                <EvidenceLines
                  criterion={entry.criterion}
                  evidence={a.answers[entry.fullId]?.modelEvidence}
                />
              </dd>
            ))}
          </div>
        ))}
      </dl>
    </section>
  );
}
