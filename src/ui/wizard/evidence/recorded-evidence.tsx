import { levelIndexOf } from '../../../core/rubric-index';
import type { Criterion, ModelEvidence } from '../../../core/schema';
import { evidenceLineWithTask } from '../../../i18n/evidence-text';
import { useEvidenceText } from './use-evidence-text';

interface Props {
  criterion: Criterion;
  recorded: readonly ModelEvidence[];
  onRemove: (index: number) => void;
}

/** The evaluations the answer already carries, one line each, each removable. */
export function RecordedEvidence({ criterion, recorded, onRemove }: Props) {
  const { et, lang } = useEvidenceText();
  if (recorded.length === 0) return null;
  return (
    <div className="recorded-evidence" data-testid="recorded-evidence">
      <h3>{et('recorded.title')}</h3>
      <ul>
        {recorded.map((evidence, i) => (
          <li key={`${evidence.computedAt}-${i}`}>
            <span>
              {evidenceLineWithTask(
                evidence,
                lang,
                evidence.suggestedLevel === null
                  ? null
                  : levelIndexOf(criterion, evidence.suggestedLevel) + 1,
              )}
            </span>{' '}
            <button
              type="button"
              className="link-button"
              aria-label={et('recorded.removeLabel', { task: evidence.task })}
              onClick={() => onRemove(i)}
            >
              {et('recorded.remove')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
