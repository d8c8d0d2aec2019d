import type { BleuScore } from './bleu';
import { percentileInterval, type BootstrapSettings, type Interval } from './bootstrap';
import type { PositiveChoice } from './class-labels';
import type { ClassificationScores } from './classification';
import type { FoldStatistics } from './cross-validation';
import type { MetricsProblem } from './metrics-problem';
import type { RocCurve } from './roc-auc';

/**
 * What `computeMetrics` returns: plain data (numbers, strings, arrays and
 * typed arrays), so it crosses a Web Worker boundary as it is.
 *
 * Scales: accuracy, precision, recall, F1 and AUC are fractions (0–1), BLEU is
 * on sacreBLEU's 0–100 scale. A metric that is undefined on the data is null,
 * never NaN, and a note says why.
 */
/** A file's name (for messages) and its text. */
export interface MetricsFile {
  name: string;
  text: string;
}

export type MetricsOutcome =
  { ok: true; report: MetricsReport } | { ok: false; problems: MetricsProblem[] };

export type MetricName = 'accuracy' | 'precision' | 'recall' | 'f1' | 'auc' | 'bleu';
export type MetricValues = Partial<Record<MetricName, number | null>>;

export interface Delta {
  /** Model minus baseline. */
  value: number;
  low: number;
  high: number;
}

export interface FoldRow {
  fold: string;
  n: number;
  values: MetricValues;
}

export interface FoldsSummary {
  perFold: FoldRow[];
  summary: Partial<Record<MetricName, FoldStatistics | null>>;
}

export type MetricsNote =
  /** The AUC and the ROC curve need both classes; the file has one. */
  | { code: 'auc-undefined'; missing: 'positive' | 'negative' }
  /** Classes never predicted: their precision is undefined, and counts as 0 in the macro average. */
  | { code: 'never-predicted'; classes: string[] }
  /** The headline precision or recall of a two-class problem is undefined (0/0). */
  | { code: 'headline-undefined'; metric: 'precision' | 'recall' }
  /** A metric undefined in some folds, left out of its mean and sd. */
  | { code: 'fold-undefined'; metric: MetricName; folds: string[] }
  | { code: 'single-fold' }
  /** Resamples in which a metric was undefined, left out of its interval. */
  | { code: 'resamples-undefined'; metric: MetricName; count: number; of: 'interval' | 'delta' }
  /** The percentile interval does not contain the estimate: the statistic is biased on this sample. */
  | { code: 'interval-excludes-estimate'; metric: MetricName; of: 'interval' | 'delta' }
  /** No delta: the metric is undefined for the model or the baseline. */
  | { code: 'delta-undefined'; metric: MetricName };

export interface MetricsReport {
  /** `cross-validation` files hold a `fold` column besides predictions or scores. */
  kind: 'classification' | 'scores' | 'cross-validation' | 'bleu';
  /** What the model's output is: predicted classes, scores, or text. */
  input: 'prediction' | 'score' | 'text';
  file: string;
  baselineFile: string | null;
  /** Items (rows, or text segments). */
  n: number;
  /** The model's metrics: over all rows together for cross-validation files. */
  values: MetricValues;
  /** 95 % bootstrap intervals of `values`. */
  intervals: Partial<Record<MetricName, Interval | null>>;
  baseline: MetricValues | null;
  delta: Partial<Record<MetricName, Delta | null>> | null;
  classification: ClassificationScores | null;
  /** For two classes: which is positive and why. */
  positive: PositiveChoice | null;
  /** Scores at or above it are called positive (score files). */
  threshold: number | null;
  roc: RocCurve | null;
  folds: FoldsSummary | null;
  bleu: BleuScore | null;
  bootstrap: BootstrapSettings & { method: 'poisson'; confidence: 0.95 };
  notes: MetricsNote[];
}

/** Intervals from resampled values, with notes for what was left out or looks biased. */
export function intervalsFrom(
  samples: Partial<Record<MetricName, Float64Array>>,
  estimates: MetricValues,
  of: 'interval' | 'delta',
  notes: MetricsNote[],
): Partial<Record<MetricName, Interval | null>> {
  const intervals: Partial<Record<MetricName, Interval | null>> = {};
  for (const [metric, values] of Object.entries(samples) as [MetricName, Float64Array][]) {
    const estimate = estimates[metric] ?? null;
    if (estimate === null) {
      intervals[metric] = null;
      continue;
    }
    const { interval, undefinedResamples } = percentileInterval(values);
    intervals[metric] = interval;
    if (undefinedResamples > 0) {
      notes.push({ code: 'resamples-undefined', metric, count: undefinedResamples, of });
    }
    // A tolerance of a few ulps: a difference recomputed from sums can differ in the last bits.
    const slack = 1e-12 * Math.max(1, Math.abs(estimate));
    if (
      interval !== null &&
      (estimate < interval.low - slack || estimate > interval.high + slack)
    ) {
      notes.push({ code: 'interval-excludes-estimate', metric, of });
    }
  }
  return intervals;
}

/** Deltas from the two point estimates and the paired resamples. */
export function deltasFrom(
  samples: Partial<Record<MetricName, Float64Array>>,
  model: MetricValues,
  baseline: MetricValues,
  notes: MetricsNote[],
): Partial<Record<MetricName, Delta | null>> {
  const differences: MetricValues = {};
  for (const metric of Object.keys(samples) as MetricName[]) {
    const a = model[metric] ?? null;
    const b = baseline[metric] ?? null;
    differences[metric] = a === null || b === null ? null : a - b;
    if (differences[metric] === null) notes.push({ code: 'delta-undefined', metric });
  }
  const intervals = intervalsFrom(samples, differences, 'delta', notes);
  const deltas: Partial<Record<MetricName, Delta | null>> = {};
  for (const metric of Object.keys(samples) as MetricName[]) {
    const value = differences[metric] ?? null;
    const interval = intervals[metric] ?? null;
    deltas[metric] = value === null || interval === null ? null : { value, ...interval };
  }
  return deltas;
}
