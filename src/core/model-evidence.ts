import type { Figures, ModelEvidence } from './schema';
import { EVIDENCE_METRICS, type EvidenceMetric } from './vocabulary';

/*
 * Model evidence as the file writes it. No zod here: the results, the report
 * and the CSV read evidence through these without the schema library.
 */

/** Figures in metric order, each as value, low, high. */
function orderedFigures(figures: Figures): Figures {
  const out: Figures = {};
  for (const metric of EVIDENCE_METRICS) {
    const figure = figures[metric];
    if (figure !== undefined)
      out[metric] = { value: figure.value, low: figure.low, high: figure.high };
  }
  return out;
}

/** One evidence record with its keys in the file's fixed order, so a round trip is byte-identical. */
export function modelEvidenceFileValue(evidence: ModelEvidence): ModelEvidence {
  return {
    task: evidence.task,
    heldOut: evidence.heldOut,
    kind: evidence.kind,
    n: evidence.n,
    folds: evidence.folds,
    keyMetric: evidence.keyMetric,
    metrics: orderedFigures(evidence.metrics),
    deltas: evidence.deltas === null ? null : orderedFigures(evidence.deltas),
    positive: evidence.positive,
    threshold: evidence.threshold,
    bootstrap: { seed: evidence.bootstrap.seed, resamples: evidence.bootstrap.resamples },
    roc: evidence.roc === null ? null : { fpr: [...evidence.roc.fpr], tpr: [...evidence.roc.tpr] },
    files: evidence.files.map((file) => ({
      role: file.role,
      name: file.name,
      sha256: file.sha256,
    })),
    computedAt: evidence.computedAt,
    suggestedLevel: evidence.suggestedLevel,
    accepted: evidence.accepted,
  };
}

/** The metrics the evidence has figures for, in metric order. */
export function metricsOf(figures: Figures): EvidenceMetric[] {
  return EVIDENCE_METRICS.filter((metric) => figures[metric] !== undefined);
}

/**
 * A metric in points, the scale thresholds and gains are stated in: fractions
 * times 100 (an F1 gain of 0.052 is 5.2 points), BLEU as it is (already 0–100).
 */
export function inPoints(metric: EvidenceMetric, value: number): number {
  return metric === 'bleu' ? value : value * 100;
}

/**
 * The evaluation that backs an answer when a single one is asked for (a CSV
 * row): the last one the rater accepted, else the last one recorded.
 */
export function backingEvidence(
  evidence: readonly ModelEvidence[] | undefined,
): ModelEvidence | null {
  if (evidence === undefined || evidence.length === 0) return null;
  return evidence.findLast((e) => e.accepted) ?? evidence[evidence.length - 1]!;
}

/**
 * Evidence accepted for one level backs that level only: when the rater then
 * chooses another, the acceptance is withdrawn (the figures stay recorded), so
 * results and reports never call an answer backed by figures that suggest
 * something else. Returns the same array when nothing changes.
 */
export function withdrawAcceptance(
  evidence: ModelEvidence[],
  chosen: number | null,
): ModelEvidence[] {
  if (!evidence.some((e) => e.accepted && e.suggestedLevel !== chosen)) return evidence;
  return evidence.map((e) =>
    e.accepted && e.suggestedLevel !== chosen ? { ...e, accepted: false } : e,
  );
}
