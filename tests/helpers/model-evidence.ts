import type { ModelEvidence } from '../../src/core/schema';

/**
 * A plausible evidence record, written out by hand (not computed): tests that
 * need figures from files compute them with the metrics module instead.
 */
export function sampleEvidence(overrides: Partial<ModelEvidence> = {}): ModelEvidence {
  return {
    task: 'Contract clause classification',
    heldOut: 'Customer A, March test set',
    kind: 'scores',
    n: 1200,
    folds: null,
    keyMetric: 'f1',
    metrics: {
      accuracy: { value: 0.9, low: 0.883, high: 0.916 },
      f1: { value: 0.87, low: 0.84, high: 0.9 },
      auc: { value: 0.93, low: 0.915, high: 0.944 },
    },
    deltas: {
      accuracy: { value: 0.04, low: 0.021, high: 0.06 },
      f1: { value: 0.052, low: 0.031, high: 0.074 },
    },
    positive: '1',
    threshold: 0.5,
    bootstrap: { seed: 1, resamples: 1000 },
    roc: { fpr: [0, 0.1, 0.3, 1], tpr: [0, 0.7, 0.9, 1] },
    files: [
      { role: 'predictions', name: 'model.csv', sha256: 'a'.repeat(64) },
      { role: 'baseline', name: 'baseline.csv', sha256: 'b'.repeat(64) },
    ],
    computedAt: '2026-11-29T10:10:00.000Z',
    suggestedLevel: 4,
    accepted: true,
    ...overrides,
  };
}
