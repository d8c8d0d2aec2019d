import { useMemo, useState } from 'react';
import {
  ahpWeights,
  CONSISTENCY_LIMIT,
  reciprocalMatrix,
  SAATY_INTENSITIES,
  weightsToPercent,
} from '../../core/ahp';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/t';
import './pairwise-panel.css';

/** Saaty's verbal scale; the even values are the compromises between their neighbours. */
const INTENSITY = SAATY_INTENSITIES.map((value) => ({
  value,
  key: `editor.saaty${value}` satisfies MessageKey,
}));

/** A comparison as a select value: "7" (A over B) or "1/7" (B over A). */
const encode = (value: number) => (value >= 1 ? String(value) : `1/${Math.round(1 / value)}`);
const decode = (text: string) => (text.startsWith('1/') ? 1 / Number(text.slice(2)) : Number(text));

interface PairwisePanelProps {
  /** Prefix for element ids. */
  id: string;
  /** What is compared, in order; two at least. */
  names: readonly string[];
  /** The derived weights, in percent summing to 100. */
  onApply: (percent: number[]) => void;
}

/**
 * "Derive weights from pairwise comparisons" (AHP): one select per pair on
 * Saaty's scale, the resulting weights and consistency ratio, and a button
 * that writes the weights into the form. Starts with every pair equal.
 */
export function PairwisePanel({ id, names, onApply }: PairwisePanelProps) {
  const { t } = useI18n();
  const n = names.length;
  const [upper, setUpper] = useState<(number | null)[][]>([]);
  const [applied, setApplied] = useState(false);
  const [open, setOpen] = useState(false);

  const result = useMemo(() => ahpWeights(reciprocalMatrix(upper, n)), [upper, n]);
  const percent = useMemo(() => weightsToPercent(result.weights), [result]);
  const cr = result.consistencyRatio;
  const inconsistent = cr !== null && cr > CONSISTENCY_LIMIT;

  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);

  const set = (i: number, j: number, value: number) => {
    setUpper((current) => {
      const next = Array.from({ length: n }, (_, r) => [...(current[r] ?? [])]);
      next[i]![j] = value;
      return next;
    });
    setApplied(false);
  };

  const crText =
    n <= 2
      ? t('editor.crTwo')
      : cr === null
        ? t('editor.crUntabulated')
        : t('editor.crValue', { cr: cr.toFixed(3) });

  return (
    <details
      className="rubric-editor-ahp"
      data-testid="pairwise-panel"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t('editor.ahpTitle')}</summary>
      {open && (
        <div className="rubric-editor-ahp-body">
          <p className="hint">{t('editor.ahpHint')}</p>
          <ul className="rubric-editor-pairs">
            {pairs.map(([i, j]) => {
              const a = names[i]!;
              const b = names[j]!;
              const selectId = `${id}-pair-${i}-${j}`;
              return (
                <li key={selectId} className="field">
                  <label htmlFor={selectId}>{t('editor.pairLabel', { a, b })}</label>
                  <select
                    id={selectId}
                    value={encode(upper[i]?.[j] ?? 1)}
                    onChange={(event) => set(i, j, decode(event.target.value))}
                  >
                    {INTENSITY.map(({ value, key }) => (
                      <option key={value} value={encode(value)}>
                        {t(key, { name: a, value: encode(value) })}
                      </option>
                    ))}
                    <option value="1">{t('editor.saatyEqual')}</option>
                    {[...INTENSITY].reverse().map(({ value, key }) => (
                      <option key={-value} value={encode(1 / value)}>
                        {t(key, { name: b, value: encode(1 / value) })}
                      </option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ul>
          <table className="rubric-editor-ahp-table">
            <caption>{t('editor.ahpResult')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('editor.ahpName')}</th>
                <th scope="col">{t('editor.ahpWeight')}</th>
              </tr>
            </thead>
            <tbody>
              {names.map((name, i) => (
                <tr key={i}>
                  <th scope="row">{name}</th>
                  <td>{percent[i]!.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div aria-live="polite" className="rubric-editor-ahp-status">
            <p data-testid="consistency-ratio">{crText}</p>
            {inconsistent && (
              <p className="banner banner-warning rubric-editor-cr-warning">
                {t('editor.crWarning', { cr: cr.toFixed(3) })}
              </p>
            )}
            {applied && <p>{t('editor.ahpApplied')}</p>}
          </div>
          <button
            type="button"
            className="button secondary small"
            onClick={() => {
              onApply(percent);
              setApplied(true);
            }}
          >
            {t('editor.ahpApply')}
          </button>
        </div>
      )}
    </details>
  );
}
