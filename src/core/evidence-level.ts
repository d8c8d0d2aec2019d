import { inPoints } from './model-evidence';
import type { Criterion, EvidenceThreshold, Level, ModelEvidence } from './schema';
import type { EvidenceMetric } from './vocabulary';

/** What a threshold reads of the evidence. */
export type EvidenceFigures = Pick<ModelEvidence, 'keyMetric' | 'n' | 'metrics' | 'deltas'>;

/** One condition of a level's threshold, with what the evidence shows against it. */
export type ThresholdCondition =
  | { kind: 'metric'; met: boolean; metrics: EvidenceMetric[]; found: EvidenceMetric }
  | { kind: 'minItems'; met: boolean; required: number; found: number }
  | { kind: 'baseline'; met: boolean }
  | { kind: 'min'; met: boolean; required: number; found: number | null }
  | { kind: 'delta'; met: boolean; required: number; found: number | null }
  | { kind: 'lowerBoundAboveZero'; met: boolean; found: number | null };

/*
 * Gains are differences of figures rounded to six decimals, so 5 points can
 * arrive as 4.9999999999: a threshold compares with this much slack (points).
 */
const SLACK = 1e-6;

/** Each condition the threshold states, in the order the format lists them. */
export function thresholdConditions(
  threshold: EvidenceThreshold,
  evidence: EvidenceFigures,
): ThresholdCondition[] {
  const metric = evidence.keyMetric;
  const points = (value: number | undefined) =>
    value === undefined ? null : inPoints(metric, value);
  const value = points(evidence.metrics[metric]?.value);
  const delta = evidence.deltas?.[metric];
  const gain = points(delta?.value);
  const conditions: ThresholdCondition[] = [
    {
      kind: 'metric',
      met: threshold.metrics.includes(metric) && value !== null,
      metrics: threshold.metrics,
      found: metric,
    },
  ];
  if (threshold.minItems !== undefined) {
    const met = evidence.n >= threshold.minItems;
    conditions.push({ kind: 'minItems', met, required: threshold.minItems, found: evidence.n });
  }
  // A gain, however small, needs a baseline scored on the same items.
  if (threshold.baseline === true || threshold.delta !== undefined || threshold.lowerBoundAboveZero)
    conditions.push({ kind: 'baseline', met: delta !== undefined });
  if (threshold.min !== undefined) {
    const met = value !== null && value >= threshold.min - SLACK;
    conditions.push({ kind: 'min', met, required: threshold.min, found: value });
  }
  if (threshold.delta !== undefined) {
    const met = gain !== null && gain >= threshold.delta - SLACK;
    conditions.push({ kind: 'delta', met, required: threshold.delta, found: gain });
  }
  if (threshold.lowerBoundAboveZero === true) {
    const low = delta?.low ?? null;
    const found = low === null ? null : inPoints(metric, low);
    conditions.push({ kind: 'lowerBoundAboveZero', met: found !== null && found > 0, found });
  }
  return conditions;
}

export function meetsThreshold(threshold: EvidenceThreshold, evidence: EvidenceFigures): boolean {
  return thresholdConditions(threshold, evidence).every((condition) => condition.met);
}

/** Whether any level of the criterion states what an evaluation file must show. */
export function hasEvidenceThresholds(criterion: Criterion): boolean {
  return criterion.levels.some((level) => level.evidenceThreshold !== undefined);
}

/**
 * The level the evidence supports: the highest level whose threshold it
 * meets, climbing from the lowest and stopping at the first threshold it
 * misses (levels are cumulative, as in suggestLevel). A level without a
 * threshold states nothing a file can show: it neither counts nor stops the
 * climb, and is never the answer. Null when the criterion states no
 * threshold, or the evidence misses the lowest one.
 *
 * A threshold covers only the measurable part of a level's wording; the rater
 * checks the rest before accepting.
 */
export function levelSupportedByEvidence(
  criterion: Criterion,
  evidence: EvidenceFigures,
): Level | null {
  let supported: Level | null = null;
  for (const level of criterion.levels) {
    const threshold = level.evidenceThreshold;
    if (threshold === undefined) continue;
    if (!meetsThreshold(threshold, evidence)) break;
    supported = level;
  }
  return supported;
}

/**
 * Evidence read again under another rubric's thresholds (a re-score): the
 * level it supports there, and its acceptance kept only when that level is the
 * one the rater accepted; a changed suggestion is never accepted silently.
 */
export function rejudgeEvidence(criterion: Criterion, evidence: ModelEvidence): ModelEvidence {
  const suggestedLevel = levelSupportedByEvidence(criterion, evidence)?.value ?? null;
  return {
    ...evidence,
    suggestedLevel,
    accepted: evidence.accepted && suggestedLevel === evidence.suggestedLevel,
  };
}
