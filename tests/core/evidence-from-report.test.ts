import { describe, expect, it } from 'vitest';
import { defaultKeyMetric, evidenceFromReport } from '../../src/core/evidence-from-report';
import { computeMetrics, type MetricsRequest } from '../../src/core/metrics/compute-metrics';
import type { MetricsReport } from '../../src/core/metrics/metrics-report';
import { MAX_ROC_POINTS } from '../../src/core/vocabulary';

function report(request: MetricsRequest): MetricsReport {
  const outcome = computeMetrics({ ...request, bootstrap: { seed: 7, resamples: 200 } });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.report;
}
const details = {
  task: '  Clause classification ',
  heldOut: 'Customer A test set',
  keyMetric: 'f1' as const,
  files: [{ role: 'predictions' as const, name: 'm.csv', sha256: '0'.repeat(64) }],
  computedAt: '2026-11-29T10:00:00.000Z',
};

describe('evidenceFromReport', () => {
  it('keeps the headline figures to six decimals, the baseline’s gains, the ROC ends and who said what', () => {
    // Positive "1". At 0.5: TP 2 (0.9, 0.5), FN 1 (0.3), FP 2 (0.5, 0.7), TN 1 (0.2).
    // F1 = 2·2 / (2·2 + 2 + 1) = 4/7; AUC = 5.5/9 (one tie at 0.5 counts ½).
    // The baseline differs on the first row only (0.9 → 0.4): TP 1, FN 2, FP 2, TN 1,
    // F1 = 2 / (2 + 2 + 2) = 1/3, so the gain is 4/7 − 1/3 = 5/21.
    const r = report({
      kind: 'table',
      file: { name: 'm.csv', text: 'label,score\n1,0.9\n0,0.5\n1,0.5\n0,0.2\n1,0.3\n0,0.7\n' },
      baseline: {
        name: 'b.csv',
        text: 'label,score\n1,0.4\n0,0.5\n1,0.5\n0,0.2\n1,0.3\n0,0.7\n',
      },
    });
    const e = evidenceFromReport(r, details);
    expect(e.task).toBe('Clause classification');
    expect(e.kind).toBe('scores');
    expect(e.n).toBe(6);
    expect(e.folds).toBeNull();
    expect(e.metrics.f1!.value).toBe(0.571429);
    expect(e.metrics.auc!.value).toBe(0.611111);
    expect(e.metrics.bleu).toBeUndefined();
    expect(e.deltas!.f1!.value).toBe(0.238095);
    expect(e.deltas!.f1!.low).not.toBeNull();
    expect(e.positive).toBe('1');
    expect(e.threshold).toBe(0.5);
    expect(e.bootstrap).toEqual({ seed: 7, resamples: 200 });
    expect([e.roc!.fpr[0], e.roc!.tpr[0]]).toEqual([0, 0]);
    expect([e.roc!.fpr.at(-1), e.roc!.tpr.at(-1)]).toEqual([1, 1]);
    expect([e.suggestedLevel, e.accepted]).toEqual([null, false]);
    expect(defaultKeyMetric(r)).toBe('f1');
  });

  it(`thins a long ROC curve to at most ${MAX_ROC_POINTS} points, ends kept, still rising`, () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i % 2},${((i * 7919) % 5003) / 5003}`);
    const r = report({
      kind: 'table',
      file: { name: 'm.csv', text: `label,score\n${rows.join('\n')}\n` },
    });
    expect(r.roc!.fpr.length).toBeGreaterThan(MAX_ROC_POINTS);
    const { fpr, tpr } = evidenceFromReport(r, details).roc!;
    expect(fpr.length).toBeLessThanOrEqual(MAX_ROC_POINTS);
    expect(fpr.length).toBe(tpr.length);
    expect([fpr[0], tpr[0], fpr.at(-1), tpr.at(-1)]).toEqual([0, 0, 1, 1]);
    for (let i = 1; i < fpr.length; i += 1) {
      expect(fpr[i]!).toBeGreaterThanOrEqual(fpr[i - 1]!);
      expect(tpr[i]!).toBeGreaterThanOrEqual(tpr[i - 1]!);
    }
  });

  it('names BLEU the key metric of text, with no ROC, and counts the folds of a cross-validation file', () => {
    const text = { name: 'ref.txt', text: 'the cat sat on the mat\nit was a sunny day\n' };
    const bleu = report({
      kind: 'text',
      references: [text],
      candidate: { ...text, name: 'hyp.txt' },
    });
    const e = evidenceFromReport(bleu, { ...details, keyMetric: defaultKeyMetric(bleu) });
    expect([e.kind, e.keyMetric, e.roc, e.positive]).toEqual(['bleu', 'bleu', null, null]);
    expect(e.metrics.bleu!.value).toBeCloseTo(100, 6);
    const cv = report({
      kind: 'table',
      file: {
        name: 'cv.csv',
        text: 'fold,label,prediction\n1,a,a\n1,b,a\n2,a,a\n2,b,b\n3,a,b\n3,b,b\n',
      },
    });
    expect(evidenceFromReport(cv, details)).toMatchObject({
      kind: 'cross-validation',
      folds: 3,
      n: 6,
    });
  });
});
