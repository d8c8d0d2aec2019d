/**
 * Cross-validation summaries: each metric's mean and standard deviation over
 * the folds, the way k-fold results are reported (e.g. scikit-learn's
 * `cross_val_score(...).mean()` and `.std()`), except that the deviation here
 * is the sample one, dividing by k − 1 (NumPy's `std(ddof=1)`): the folds are
 * a sample of the splits one could have drawn, and with 5 or 10 folds the
 * population formula understates the spread by 5–10 %.
 *
 *   mean = (1/k) Σ x_f      sd = √( Σ (x_f − mean)² / (k − 1) )
 *
 * A fold where the metric is undefined (AUC in a fold with one class) is left
 * out and named; the sd of a single fold is undefined (null).
 */
export interface FoldStatistics {
  mean: number;
  sd: number | null;
  /** How many folds went in. */
  folds: number;
}

export function foldStatistics(values: readonly (number | null)[]): FoldStatistics | null {
  const defined = values.filter((v): v is number => v !== null && !Number.isNaN(v));
  const k = defined.length;
  if (k === 0) return null;
  const mean = defined.reduce((sum, v) => sum + v, 0) / k;
  if (k === 1) return { mean, sd: null, folds: 1 };
  const squares = defined.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(squares / (k - 1)), folds: k };
}
