import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confusionCounts, scoreConfusion } from '../../../src/core/metrics/classification';

const CLASSES = ['bird', 'cat', 'dog'];

describe('classification metrics', () => {
  it('matches a hand-computed three-class case', () => {
    // label:      cat cat cat dog dog bird bird bird bird
    // prediction: cat cat dog dog cat bird bird cat  dog
    const actual = Int32Array.from([1, 1, 1, 2, 2, 0, 0, 0, 0]);
    const predicted = Int32Array.from([1, 1, 2, 2, 1, 0, 0, 1, 2]);
    const s = scoreConfusion(CLASSES, confusionCounts(3, actual, predicted), -1);
    // Rows are labels, columns predictions, in the order bird, cat, dog.
    expect(s.confusion).toEqual([
      [2, 1, 1],
      [0, 2, 1],
      [0, 1, 1],
    ]);
    // accuracy = (2 + 2 + 1) / 9
    expect(s.accuracy).toBeCloseTo(5 / 9, 15);
    // bird: TP 2 of 2 predicted, 4 labelled → P 1, R 1/2, F1 = 2·2 / (2·2 + 0 + 2) = 2/3
    // cat:  TP 2 of 4 predicted, 3 labelled → P 1/2, R 2/3, F1 = 4 / (4 + 2 + 1) = 4/7
    // dog:  TP 1 of 3 predicted, 2 labelled → P 1/3, R 1/2, F1 = 2 / (2 + 2 + 1) = 2/5
    const per = s.perClass.map((c) => [c.precision, c.recall, c.f1, c.support, c.predicted]);
    expect(per[0]).toEqual([1, 0.5, 2 / 3, 4, 2]);
    expect(per[1]![0]).toBe(0.5);
    expect(per[1]![1]).toBeCloseTo(2 / 3, 15);
    expect(per[1]![2]).toBeCloseTo(4 / 7, 15);
    expect(per[2]![0]).toBeCloseTo(1 / 3, 15);
    expect(per[2]![2]).toBeCloseTo(2 / 5, 15);
    // macro: P = (1 + 1/2 + 1/3)/3 = 11/18, R = (1/2 + 2/3 + 1/2)/3 = 5/9,
    //        F1 = (2/3 + 4/7 + 2/5)/3 = (70 + 60 + 42)/105/3 = 172/315
    expect(s.macro.precision).toBeCloseTo(11 / 18, 15);
    expect(s.macro.recall).toBeCloseTo(5 / 9, 15);
    expect(s.macro.f1).toBeCloseTo(172 / 315, 15);
    // micro over single-label classes is the accuracy
    expect(s.micro.f1).toBeCloseTo(5 / 9, 15);
    // three classes: the headline is the macro average
    expect(s.averaging).toBe('macro');
    expect(s.f1).toBe(s.macro.f1);
    expect(s.positive).toBeNull();
  });

  it('uses the positive class for two classes, and says undefined (not NaN) for 0/0', () => {
    // labels 1 1 0 0, everything predicted 0: TP = FP = 0, so precision is 0/0;
    // recall = 0/2 = 0; F1 = 2·0 / (0 + 0 + 2) = 0.
    const s = scoreConfusion(
      ['0', '1'],
      confusionCounts(2, Int32Array.from([1, 1, 0, 0]), Int32Array.from([0, 0, 0, 0])),
      1,
    );
    expect(s.averaging).toBe('binary');
    expect(s.positive).toBe('1');
    expect(s.precision).toBeNull();
    expect(s.recall).toBe(0);
    expect(s.f1).toBe(0);
    expect(s.accuracy).toBe(0.5);
    // macro counts the undefined precision of class 1 as 0: (P₀ + 0)/2 with P₀ = 2/4
    expect(s.macro.precision).toBe(0.25);
  });

  const matrices = fc
    .integer({ min: 2, max: 5 })
    .chain((k) =>
      fc
        .array(fc.integer({ min: 0, max: 30 }), { minLength: k * k, maxLength: k * k })
        .map((cells) => ({ k, counts: Float64Array.from(cells) })),
    );

  it('puts every F1 between its precision and recall (it is their harmonic mean)', () => {
    fc.assert(
      fc.property(matrices, ({ k, counts }) => {
        const s = scoreConfusion(
          Array.from({ length: k }, (_, i) => `c${i}`),
          counts,
          -1,
        );
        for (const c of s.perClass) {
          if (c.precision === null || c.recall === null || c.f1 === null) continue;
          const low = Math.min(c.precision, c.recall);
          const high = Math.max(c.precision, c.recall);
          expect(c.f1).toBeGreaterThanOrEqual(low - 1e-12);
          expect(c.f1).toBeLessThanOrEqual(high + 1e-12);
        }
        if (s.accuracy !== null) expect(s.micro.f1).toBe(s.accuracy);
      }),
    );
  });
});
