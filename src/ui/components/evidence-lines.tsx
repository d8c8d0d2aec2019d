import { levelIndexOf, listCriteria } from '../../core/rubric-index';
import type { Assessment, Criterion, ModelEvidence } from '../../core/schema';
import { evidenceLineWithTask, evidenceText } from '../../i18n/evidence-text';
import { useI18n } from '../../i18n/i18n-context';
import './evidence-lines.css';

/** One answer's evaluations, a line each: task, key metric, gain, held-out set, level. */
export function EvidenceLines({
  criterion,
  evidence,
}: {
  criterion: Criterion;
  evidence: readonly ModelEvidence[] | undefined;
}) {
  const { lang } = useI18n();
  if (evidence === undefined || evidence.length === 0) return null;
  return (
    <ul className="evidence-lines">
      {evidence.map((e, i) => (
        <li key={i}>
          {evidenceLineWithTask(
            e,
            lang,
            e.suggestedLevel === null ? null : levelIndexOf(criterion, e.suggestedLevel) + 1,
          )}
        </li>
      ))}
    </ul>
  );
}

/** The criteria of an assessment whose answers carry model evidence, in rubric order. */
export function withEvidence(assessment: Assessment) {
  return listCriteria(assessment.rubric).filter(
    (entry) => (assessment.answers[entry.fullId]?.modelEvidence?.length ?? 0) > 0,
  );
}

/** A results section: every answer's model evidence under its criterion; nothing when none. */
export function ModelEvidenceSection({ assessment }: { assessment: Assessment }) {
  const { lang, local } = useI18n();
  const entries = withEvidence(assessment);
  if (entries.length === 0) return null;
  return (
    <section
      className="model-evidence"
      aria-labelledby="model-evidence-title"
      data-testid="model-evidence"
    >
      <h2 id="model-evidence-title">{evidenceText(lang, 'summary.title')}</h2>
      <p className="hint">{evidenceText(lang, 'summary.intro')}</p>
      <dl>
        {entries.map((entry) => (
          <div key={entry.fullId}>
            <dt>{local(entry.criterion.name)}</dt>
            <dd>
              <EvidenceLines
                criterion={entry.criterion}
                evidence={assessment.answers[entry.fullId]?.modelEvidence}
              />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
