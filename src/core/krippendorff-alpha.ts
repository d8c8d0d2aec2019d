/**
 * Krippendorff's alpha with the interval metric, for any number of raters
 * and missing ratings: `units[u]` holds the values the raters gave unit u
 * (a criterion), leaving out the raters who did not rate it.
 *
 * α = 1 − D_o / D_e, with n the number of pairable values (units rated by
 * two or more raters), D_o = Σ_u Σ_{i≠j} (v_ui − v_uj)² / (m_u − 1) / n, and
 * D_e = Σ over all pairs of pairable values (v − v')² / (n (n − 1)).
 * Null when it is undefined: fewer than two pairable values, or no variation at all.
 */
export function krippendorffAlphaInterval(units: readonly (readonly number[])[]): number | null {
  const pairable = units.filter((values) => values.length >= 2);
  let n = 0;
  let observed = 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (const values of pairable) {
    const unit = moments(values);
    observed += squaredDifferences(unit) / (values.length - 1);
    n += unit.n;
    sum += unit.sum;
    sumOfSquares += unit.sumOfSquares;
  }
  if (n < 2) return null;
  observed /= n;
  const expected = squaredDifferences({ n, sum, sumOfSquares }) / (n * (n - 1));
  return expected === 0 ? null : 1 - observed / expected;
}

interface Moments {
  n: number;
  sum: number;
  sumOfSquares: number;
}

function moments(values: readonly number[]): Moments {
  let sum = 0;
  let sumOfSquares = 0;
  for (const v of values) {
    sum += v;
    sumOfSquares += v * v;
  }
  return { n: values.length, sum, sumOfSquares };
}

/**
 * Σ over ordered pairs (a − b)², as 2n·Σa² − 2(Σa)²: linear, not quadratic,
 * in the values. The subtraction can leave rounding dust where every value
 * is the same; dust is zero, so equal values still read as "no spread" (and
 * alpha as undefined), as the pairwise sum gave.
 */
function squaredDifferences({ n, sum, sumOfSquares }: Moments): number {
  const scale = 2 * n * sumOfSquares;
  const difference = scale - 2 * sum * sum;
  return difference <= scale * 1e-12 ? 0 : difference;
}

export type AgreementReading = 'none' | 'poor' | 'tentative' | 'good';

/** Krippendorff's own guide: α ≥ 0.8 reliable, 0.667–0.8 tentative conclusions only, below that not. */
export function readAlpha(alpha: number | null): AgreementReading {
  if (alpha === null) return 'none';
  if (alpha >= 0.8) return 'good';
  if (alpha >= 0.667) return 'tentative';
  return 'poor';
}
