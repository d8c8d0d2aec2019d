/**
 * The bootstrap used for every interval: the Poisson bootstrap (Hanley &
 * MacGibbon, "Creating non-parametric bootstrap samples using Poisson
 * frequencies", Computer Methods and Programs in Biomedicine 83, 2006). Each
 * item appears in a resample a Poisson(1)-distributed number of times,
 * independently of the others. It approximates the classic n-out-of-n
 * resampling (whose multiplicities are Multinomial(n; 1/n, …) and, for large
 * n, nearly independent Poisson(1)), and independence is what makes it fast:
 * - a group of m items that a metric cannot tell apart (one cell of a
 *   confusion matrix, a run of same-class items in score order) gets a
 *   Poisson(m) total in one draw, so classification intervals cost nothing
 *   per item and the AUC interval costs one draw per run, not per item;
 * - multiplicities can be drawn in any order, so paired resamples (the same
 *   multiplicities for the model and its baseline) need no stored index lists.
 *
 * Intervals are percentile intervals at 95 %: of the B resampled values, sorted,
 * the (⌊B/40⌋ + 1)-th from each end (the 26th and the 975th of 1,000, the rule
 * sacreBLEU uses). A resample in which a metric is undefined (no positives
 * drawn, say) is left out and counted. A percentile interval need not contain
 * the point estimate: when it does not, the statistic is biased on that
 * sample, and the report says so rather than widening the interval.
 */
export interface BootstrapSettings {
  seed: number;
  resamples: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapSettings = { seed: 1, resamples: 1000 };
export const CONFIDENCE = 0.95;

export interface Interval {
  low: number;
  high: number;
}

export interface IntervalEstimate {
  interval: Interval | null;
  /** Resamples in which the metric was undefined, left out. */
  undefinedResamples: number;
}

export function percentileInterval(samples: Float64Array): IntervalEstimate {
  const defined = samples.filter((x) => !Number.isNaN(x)).sort();
  const undefinedResamples = samples.length - defined.length;
  const m = defined.length;
  if (m === 0) return { interval: null, undefinedResamples };
  const tail = Math.floor(m / 40); // (1 − 0.95) / 2 = 1/40 in each tail
  return { interval: { low: defined[tail]!, high: defined[m - 1 - tail]! }, undefinedResamples };
}

/** A metric value for a resample, NaN when undefined there (typed arrays hold no null). */
export const orNaN = (x: number | null) => (x === null ? NaN : x);
