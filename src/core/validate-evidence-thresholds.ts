import type { ProblemCode, ProblemParams } from './problems';
import type { Criterion, EvidenceThreshold } from './schema';

/** The thresholds' numbers that a higher level must not lower. */
const RISING = ['minItems', 'min', 'delta'] as const satisfies readonly (keyof EvidenceThreshold)[];

/**
 * A criterion's evidence thresholds: each names a metric once, and, since
 * levelSupportedByEvidence climbs them as cumulative, a higher level never
 * asks for fewer items, a lower value or a smaller gain than a lower level.
 */
export function evidenceThresholdProblems(
  criterion: Criterion,
  path: PropertyKey[],
  at: (path: PropertyKey[], code: ProblemCode, params?: ProblemParams) => void,
  fmt: (n: number) => string,
): void {
  const highest: Partial<Record<(typeof RISING)[number], number>> = {};
  criterion.levels.forEach((level, l) => {
    const threshold = level.evidenceThreshold;
    if (threshold === undefined) return;
    const where = [...path, 'levels', l, 'evidenceThreshold'];
    const seen = new Set<string>();
    threshold.metrics.forEach((metric, m) => {
      if (seen.has(metric)) at([...where, 'metrics', m], 'rubric.thresholdMetricTwice', { metric });
      seen.add(metric);
    });
    for (const field of RISING) {
      const value = threshold[field];
      if (value === undefined) continue;
      const previous = highest[field];
      if (previous !== undefined && value < previous) {
        at([...where, field], 'rubric.thresholdFalls', {
          field,
          value: fmt(value),
          previous: fmt(previous),
        });
      } else highest[field] = value;
    }
  });
}
