import { suggestLevel } from '../../core/suggest-level';
import { factIdsOf, levelIndexOf } from '../../core/rubric-index';
import type { Criterion } from '../../core/schema';
import { useI18n } from '../../i18n/i18n-context';
import './checklist.css';

interface Props {
  criterion: Criterion;
  ticked: readonly string[];
  /** The level value the rater chose, if any: the suggestion says whether it agrees. */
  chosen: number | null;
  onChange: (facts: string[]) => void;
  /** Chooses the suggested level; only ever on the rater's click. */
  onApply: (value: number) => void;
}

/**
 * The levels' observable facts as checkboxes, grouped by level, and the level
 * they support (`suggestLevel`). The rater still chooses: the suggestion is
 * a line and a button, never a silent change of the rating.
 */
export function FactChecklist({ criterion, ticked, chosen, onChange, onApply }: Props) {
  const { t, local } = useI18n();
  const order = factIdsOf(criterion);
  if (order.length === 0) return null;
  const tickedSet = new Set(ticked);
  const suggested = suggestLevel(criterion, ticked);
  const suggestedNumber = suggested === null ? 0 : levelIndexOf(criterion, suggested.value) + 1;
  const chosenNumber = chosen === null ? 0 : levelIndexOf(criterion, chosen) + 1;

  const toggle = (id: string, on: boolean) => {
    // Kept in checklist order, as the file writes them.
    onChange(order.filter((fact) => (fact === id ? on : tickedSet.has(fact))));
  };

  return (
    <fieldset className="fact-checklist" aria-describedby="checklist-hint">
      <legend>{t('step.checklistLegend')}</legend>
      <p className="hint" id="checklist-hint">
        {t('step.checklistHint')}
      </p>
      {criterion.levels.map((level, i) => {
        const facts = level.checklist ?? [];
        if (facts.length === 0) return null;
        const count = facts.filter((fact) => tickedSet.has(fact.id)).length;
        return (
          <fieldset key={level.value} className="checklist-level">
            <legend>
              {t('step.checklistLevel', { level: i + 1, label: local(level.label) })}{' '}
              <span className="checklist-count">
                {t('step.factsTicked', { count, total: facts.length })}
              </span>
            </legend>
            {facts.map((fact) => (
              <label key={fact.id} className="checklist-fact" htmlFor={`fact-${fact.id}`}>
                <input
                  type="checkbox"
                  id={`fact-${fact.id}`}
                  name="facts"
                  value={fact.id}
                  checked={tickedSet.has(fact.id)}
                  onChange={(event) => toggle(fact.id, event.target.checked)}
                />
                <span>{local(fact.text)}</span>
              </label>
            ))}
          </fieldset>
        );
      })}
      <div className="suggestion" data-testid="suggestion">
        <p role="status" className="suggestion-text">
          {suggested === null ? (
            t('step.suggestedNone')
          ) : (
            <>
              <strong>
                {t('step.suggested', { level: suggestedNumber, label: local(suggested.label) })}
              </strong>{' '}
              {chosenNumber === suggestedNumber
                ? t('step.suggestedChosen')
                : chosenNumber > 0
                  ? t('step.suggestedDiffers', { level: chosenNumber })
                  : ''}
            </>
          )}
        </p>
        {suggested !== null && chosenNumber !== suggestedNumber && (
          <button
            type="button"
            className="button secondary small"
            onClick={() => onApply(suggested.value)}
          >
            {t('step.applySuggestion', { level: suggestedNumber })}
          </button>
        )}
      </div>
    </fieldset>
  );
}
