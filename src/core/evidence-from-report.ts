import type { MetricName, MetricsReport } from './metrics/metrics-report';
import type { RocCurve } from './metrics/roc-auc';
import type { Figures, ModelEvidence } from './schema';
import { EVIDENCE_METRICS, MAX_ROC_POINTS, type EvidenceMetric } from './vocabulary';

/** What the rater adds to the computed figures. */
export interface EvidenceDetails {
  task: string;
  heldOut: string;
  keyMetric: EvidenceMetric;
  files: ModelEvidence['files'];
  computedAt: string;
}

/**
 * The figures of a metrics report as the file keeps them: the headline
 * metrics with their intervals, the differences from the baseline, the ROC
 * curve thinned for drawing. Not yet judged against the rubric: the level it
 * supports is set by the caller (levelSupportedByEvidence), and it starts unaccepted.
 */
export function evidenceFromReport(report: MetricsReport, details: EvidenceDetails): ModelEvidence {
  return {
    task: details.task.trim(),
    heldOut: details.heldOut.trim(),
    kind: report.kind,
    n: report.n,
    folds: report.folds === null ? null : report.folds.perFold.length,
    keyMetric: details.keyMetric,
    metrics: figuresOf(report.values, report.intervals),
    deltas: report.delta === null ? null : deltasOf(report.delta),
    positive: report.positive?.label ?? null,
    threshold: report.threshold,
    bootstrap: { seed: report.bootstrap.seed, resamples: report.bootstrap.resamples },
    roc: report.roc === null || report.values.auc == null ? null : thinRoc(report.roc),
    files: details.files,
    computedAt: details.computedAt,
    suggestedLevel: null,
    accepted: false,
  };
}

/** The metric a task is judged by, until the rater names another: BLEU for text, else F1. */
export function defaultKeyMetric(report: MetricsReport): EvidenceMetric {
  if (report.kind === 'bleu') return 'bleu';
  return report.values.f1 == null ? 'accuracy' : 'f1';
}

/** Six decimals: far below any difference a person reads, and no float noise in the file. */
const rounded = (x: number) => Math.round(x * 1e6) / 1e6;

function figuresOf(
  values: MetricsReport['values'],
  intervals: MetricsReport['intervals'],
): Figures {
  const figures: Figures = {};
  for (const metric of EVIDENCE_METRICS satisfies readonly MetricName[]) {
    const value = values[metric];
    if (value === undefined || value === null) continue;
    const interval = intervals[metric] ?? null;
    figures[metric] = {
      value: rounded(value),
      low: interval === null ? null : rounded(interval.low),
      high: interval === null ? null : rounded(interval.high),
    };
  }
  return figures;
}

function deltasOf(deltas: NonNullable<MetricsReport['delta']>): Figures {
  const figures: Figures = {};
  for (const metric of EVIDENCE_METRICS) {
    const delta = deltas[metric];
    if (delta === undefined || delta === null) continue;
    figures[metric] = {
      value: rounded(delta.value),
      low: rounded(delta.low),
      high: rounded(delta.high),
    };
  }
  return figures;
}

/**
 * At most MAX_ROC_POINTS points, evenly spaced along the curve's own points,
 * the first (0, 0) and the last (1, 1) always kept. Four decimals: a tenth of
 * a millimetre on a 10 cm chart.
 */
export function thinRoc(roc: RocCurve): { fpr: number[]; tpr: number[] } {
  const total = roc.fpr.length;
  const stride = Math.max(1, Math.ceil((total - 1) / (MAX_ROC_POINTS - 1)));
  const keep: number[] = [];
  for (let i = 0; i < total; i += stride) keep.push(i);
  if (keep[keep.length - 1] !== total - 1) keep.push(total - 1);
  const four = (x: number) => Math.round(x * 1e4) / 1e4;
  return { fpr: keep.map((i) => four(roc.fpr[i]!)), tpr: keep.map((i) => four(roc.tpr[i]!)) };
}
