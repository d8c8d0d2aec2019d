import { weightsToPercent } from '../../core/ahp';
import { WEIGHT_TOLERANCE } from '../../core/schema';
import { useI18n } from '../../i18n/i18n-context';
import { PairwisePanel } from './pairwise-panel';
import { formatSum, sumOfTyped, typedWeights } from './rubric-form';
import './weights-group.css';

interface WeightsGroupProps {
  /** The id of the list in the rubric's path scheme; inputs are `${id}-${i}-weight`. */
  id: string;
  legend: string;
  hint: string;
  items: readonly { name: string; weight: string }[];
  onWeight: (index: number, text: string) => void;
  /** Normalise and "apply" set every weight at once. */
  onWeights: (weights: number[]) => void;
  /** Changes when the pairwise comparisons should start afresh (another rubric was loaded). */
  resetKey: string;
}

/** Weights that must sum to 100: the inputs, the running sum, Normalise and AHP. */
export function WeightsGroup({
  id,
  legend,
  hint,
  items,
  onWeight,
  onWeights,
  resetKey,
}: WeightsGroupProps) {
  const { t } = useI18n();
  const texts = items.map((item) => item.weight);
  const sum = sumOfTyped(texts);
  const off = Math.abs(sum - 100) > WEIGHT_TOLERANCE + 1e-9;
  const weights = typedWeights(texts);
  const sumId = `${id}-sum`;
  const hintId = `${id}-hint`;
  return (
    <fieldset className="field rubric-editor-weights" aria-describedby={hintId}>
      <legend>{legend}</legend>
      <p className="hint" id={hintId}>
        {hint}
      </p>
      <ul className="rubric-editor-weight-list">
        {items.map((item, i) => {
          const inputId = `${id}-${i}-weight`;
          return (
            <li key={i}>
              <label htmlFor={inputId}>{t('editor.weightOf', { name: item.name })}</label>
              <input
                id={inputId}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                value={item.weight}
                aria-describedby={sumId}
                onChange={(event) => onWeight(i, event.target.value)}
              />
            </li>
          );
        })}
      </ul>
      <div className="rubric-editor-sum-row">
        <p
          id={sumId}
          className={`rubric-editor-sum${off ? ' rubric-editor-sum-off' : ''}`}
          data-testid="weight-sum"
        >
          {off
            ? t('editor.sumOff', { sum: formatSum(sum) })
            : t('editor.sum', { sum: formatSum(sum) })}
        </p>
        <button
          type="button"
          className="button secondary small"
          disabled={weights === null}
          aria-describedby={weights === null ? `${id}-normalise-hint` : undefined}
          onClick={() => {
            if (weights !== null) onWeights(weightsToPercent(weights));
          }}
        >
          {t('editor.normalise')}
        </button>
        {weights === null && (
          <p className="hint" id={`${id}-normalise-hint`}>
            {t('editor.normaliseHint')}
          </p>
        )}
      </div>
      {items.length >= 2 && (
        <PairwisePanel
          key={resetKey}
          id={id}
          names={items.map((item) => item.name)}
          onApply={onWeights}
        />
      )}
    </fieldset>
  );
}
