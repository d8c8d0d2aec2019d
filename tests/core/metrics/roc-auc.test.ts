import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aucOf, rankScores, rocCurve } from '../../../src/core/metrics/roc-auc';
import { sortOrder } from '../../../src/core/metrics/sort-order';

const auc = (scores: number[], positive: number[]) =>
  aucOf(rankScores(Float64Array.from(scores), Uint8Array.from(positive)));

/** Scored items with both classes present: small integer scores, so ties are common. */
const scored = fc
  .array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.constantFrom(0, 1)), {
    minLength: 2,
    maxLength: 60,
  })
  .filter((items) => items.some(([, p]) => p === 1) && items.some(([, p]) => p === 0))
  .map((items) => ({ scores: items.map(([s]) => s), positive: items.map(([, p]) => p) }));

describe('ROC curve and AUC', () => {
  // Positives score 0.9, 0.6, 0.4; negatives 0.6, 0.3, 0.3, 0.1. Of the 3 · 4 = 12 pairs:
  // 0.9 beats all 4; 0.6 beats 3 and ties 1 (½); 0.4 beats 3 → (4 + 3.5 + 3) / 12 = 0.875.
  const scores = [0.9, 0.6, 0.4, 0.6, 0.3, 0.3, 0.1];
  const positive = [1, 1, 1, 0, 0, 0, 0];

  it('counts a tie as half a pair (the Mann–Whitney statistic)', () => {
    expect(auc(scores, positive)).toBe(10.5 / 12);
  });

  it('draws the curve through each distinct threshold, dropping points inside straight runs', () => {
    const roc = rocCurve(rankScores(Float64Array.from(scores), Uint8Array.from(positive)))!;
    // score ≥ ∞: (0, 0); ≥ 0.9: TP 1 → (0, 1/3); ≥ 0.6: TP 2, FP 1 → (1/4, 2/3);
    // ≥ 0.4: (1/4, 1); ≥ 0.3: (3/4, 1) lies on the way to ≥ 0.1: (1, 1), so it goes.
    expect(Array.from(roc.fpr)).toEqual([0, 0, 1 / 4, 1 / 4, 1]);
    expect(Array.from(roc.tpr)).toEqual([0, 1 / 3, 2 / 3, 1, 1]);
    expect(Array.from(roc.thresholds)).toEqual([Infinity, 0.9, 0.6, 0.4, 0.1]);
  });

  it('is undefined with one class only: null, not NaN', () => {
    expect(auc([0.2, 0.4], [1, 1])).toBeNull();
    expect(auc([0.2, 0.4], [0, 0])).toBeNull();
    expect(rocCurve(rankScores(Float64Array.from([1]), Uint8Array.from([0])))).toBeNull();
  });

  it('equals the share of positive–negative pairs ordered right, ties ½, counted pair by pair', () => {
    fc.assert(
      fc.property(scored, ({ scores, positive }) => {
        let sum = 0;
        let pairs = 0;
        scores.forEach((si, i) => {
          scores.forEach((sj, j) => {
            if (positive[i] !== 1 || positive[j] !== 0) return;
            pairs += 1;
            sum += si > sj ? 1 : si === sj ? 0.5 : 0;
          });
        });
        expect(auc(scores, positive)).toBeCloseTo(sum / pairs, 12);
      }),
    );
  });

  it('is unchanged by a strictly increasing transform of the scores', () => {
    fc.assert(
      fc.property(scored, ({ scores, positive }) => {
        const transformed = scores.map((s) => s ** 3 + 2 * s + 7);
        expect(auc(transformed, positive)).toBe(auc(scores, positive));
      }),
    );
  });

  it('becomes 1 − AUC when the scores are reversed', () => {
    fc.assert(
      fc.property(scored, ({ scores, positive }) => {
        expect(
          auc(
            scores.map((s) => -s),
            positive,
          ),
        ).toBeCloseTo(1 - auc(scores, positive)!, 12);
      }),
    );
  });

  it('equals the trapezoidal area under its ROC curve', () => {
    fc.assert(
      fc.property(scored, ({ scores, positive }) => {
        const roc = rocCurve(rankScores(Float64Array.from(scores), Uint8Array.from(positive)))!;
        let area = 0;
        for (let i = 1; i < roc.fpr.length; i += 1) {
          area += ((roc.fpr[i]! - roc.fpr[i - 1]!) * (roc.tpr[i]! + roc.tpr[i - 1]!)) / 2;
        }
        expect(area).toBeCloseTo(auc(scores, positive)!, 12);
      }),
    );
  });
});

describe('sort order', () => {
  const values = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 1, -1, 0.5, 1e-300, -1e300),
  );

  it('sorts 512 values or more (the radix path) like a stable comparison sort', () => {
    fc.assert(
      fc.property(fc.array(values, { minLength: 512, maxLength: 1500 }), (list) => {
        const array = Float64Array.from(list);
        const expected = list.map((_, i) => i).sort((a, b) => list[a]! - list[b]! || a - b);
        expect(Array.from(sortOrder(array))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
