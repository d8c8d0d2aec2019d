import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ahpWeights,
  CONSISTENCY_LIMIT,
  RANDOM_INDEX,
  reciprocalMatrix,
  SAATY_SCALE,
  weightsToPercent,
} from '../../src/core/ahp';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** a_ij = w_i / w_j: the matrix of a perfectly consistent judge. */
const consistentMatrix = (w: readonly number[]) => w.map((wi) => w.map((wj) => wi / wj));

describe('ahpWeights', () => {
  it('reproduces the commonly published 3×3 textbook example', () => {
    // The 3-criterion example found in most AHP introductions (e.g. Saaty's
    // textbook and its many course notes): weights ≈ 0.637 / 0.258 / 0.105,
    // λmax ≈ 3.039, CI ≈ 0.019, CR ≈ 0.033 (RI = 0.58).
    const result = ahpWeights([
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ]);
    const [a, b, c] = result.weights;
    expect(Math.abs(a! - 0.637)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(b! - 0.258)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(c! - 0.105)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(result.lambdaMax - 3.039)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(result.consistencyIndex - 0.019)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(result.consistencyRatio! - 0.033)).toBeLessThanOrEqual(0.002);
    expect(result.consistencyRatio!).toBeLessThan(CONSISTENCY_LIMIT);
    expect(sum(result.weights)).toBeCloseTo(1, 12);
  });

  it('gives back the weights a consistent matrix was built from, with CR ≈ 0', () => {
    for (const w of [
      [0.5, 0.3, 0.2],
      [0.1, 0.2, 0.3, 0.4],
      [4 / 14, 2 / 14, 2 / 14, 1 / 14, 1 / 14, 4 / 14],
    ]) {
      const result = ahpWeights(consistentMatrix(w));
      result.weights.forEach((x, i) => expect(x).toBeCloseTo(w[i]!, 10));
      expect(result.lambdaMax).toBeCloseTo(w.length, 10);
      expect(result.consistencyIndex).toBeCloseTo(0, 10);
      expect(result.consistencyRatio).toBeCloseTo(0, 10);
    }
  });

  it('flags a circular set of judgements as inconsistent', () => {
    // A ≫ B, B ≫ C, yet C ≫ A.
    const result = ahpWeights([
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ]);
    expect(result.consistencyRatio!).toBeGreaterThan(CONSISTENCY_LIMIT);
    result.weights.forEach((x) => expect(x).toBeCloseTo(1 / 3, 10));
  });

  it('has no consistency ratio for one or two items, where RI is 0', () => {
    expect(ahpWeights([[1]])).toEqual({
      weights: [1],
      lambdaMax: 1,
      consistencyIndex: 0,
      consistencyRatio: null,
    });
    const two = ahpWeights([
      [1, 3],
      [1 / 3, 1],
    ]);
    expect(two.weights[0]).toBeCloseTo(0.75, 12);
    expect(two.weights[1]).toBeCloseTo(0.25, 12);
    expect(two.consistencyRatio).toBeNull();
  });

  it('returns positive weights summing to 1 and CR ≥ 0 for any reciprocal Saaty matrix', () => {
    const scale = fc.constantFrom(...SAATY_SCALE);
    const upper = fc.integer({ min: 1, max: 10 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(fc.array(scale, { minLength: n, maxLength: n }), {
          minLength: n,
          maxLength: n,
        }),
      ),
    );
    fc.assert(
      fc.property(upper, ([n, values]) => {
        const result = ahpWeights(reciprocalMatrix(values, n));
        expect(result.weights).toHaveLength(n);
        expect(result.weights.every((w) => w > 0)).toBe(true);
        expect(sum(result.weights)).toBeCloseTo(1, 9);
        expect(result.consistencyIndex).toBeGreaterThanOrEqual(0);
        if (n >= 3) expect(result.consistencyRatio).not.toBeNull();
      }),
    );
  });

  it('refuses malformed matrices with a clear message', () => {
    expect(() => ahpWeights([])).toThrow(/non-empty/);
    expect(() => ahpWeights([[1, 2], [0.5]])).toThrow(/square: row 2 has 1 entries, expected 2/);
    expect(() =>
      ahpWeights([
        [1, 2, 3],
        [0.5, 1, 1],
      ]),
    ).toThrow(/square/);
    expect(() =>
      ahpWeights([
        [1, -2],
        [-0.5, 1],
      ]),
    ).toThrow(/positive number/);
    expect(() =>
      ahpWeights([
        [1, 0],
        [Infinity, 1],
      ]),
    ).toThrow(/positive number/);
    expect(() =>
      ahpWeights([
        [1, Number.NaN],
        [1, 1],
      ]),
    ).toThrow(/positive number/);
    expect(() =>
      ahpWeights([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(/diagonal must be 1/);
    expect(() =>
      ahpWeights([
        [1, 3],
        [0.333, 1],
      ]),
    ).toThrow(/reciprocal/);
    expect(() => ahpWeights([[1, 3], 'x'] as unknown as number[][])).toThrow(/square/);
  });
});

describe('RANDOM_INDEX', () => {
  it("holds Saaty's random index for n = 1..10", () => {
    expect(RANDOM_INDEX).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
  });
});

describe('reciprocalMatrix', () => {
  it('fills the lower triangle with reciprocals and treats null as equal', () => {
    expect(
      reciprocalMatrix(
        [
          [null, 3, null],
          [null, null, 1 / 5],
        ],
        3,
      ),
    ).toEqual([
      [1, 3, 1],
      [1 / 3, 1, 1 / 5],
      [1, 5, 1],
    ]);
    expect(reciprocalMatrix([], 2)).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('refuses a non-positive comparison or no items', () => {
    expect(() => reciprocalMatrix([[null, 0]], 2)).toThrow(/item 1 with item 2 must be a positive/);
    expect(() => reciprocalMatrix([], 0)).toThrow(/at least one item/);
  });
});

describe('weightsToPercent', () => {
  const hundredths = (xs: readonly number[]) => Math.round(sum(xs) * 100);

  it('splits evenly with largest-remainder rounding', () => {
    expect(weightsToPercent([1, 1, 1])).toEqual([33.34, 33.33, 33.33]);
    expect(weightsToPercent([0.637, 0.258, 0.105])).toEqual([63.7, 25.8, 10.5]);
    expect(weightsToPercent([25, 15, 15, 10, 10, 15])).toEqual([
      27.78, 16.67, 16.67, 11.11, 11.11, 16.66,
    ]);
  });

  it('sums to exactly 100 with two decimals for any input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), {
          minLength: 1,
          maxLength: 30,
        }),
        (weights) => {
          const percent = weightsToPercent(weights);
          expect(hundredths(percent)).toBe(10_000);
          expect(Math.abs(sum(percent) - 100)).toBeLessThan(1e-9);
          for (const p of percent) {
            expect(p).toBeGreaterThanOrEqual(0.01);
            expect(Math.round(p * 100) / 100).toBe(p);
          }
        },
      ),
    );
  });

  it('keeps every positive weight at least 0.01 and zero at zero', () => {
    expect(weightsToPercent([1e-9, 1, 0])).toEqual([0.01, 99.99, 0]);
  });

  it('refuses negative, non-finite, all-zero or no weights', () => {
    expect(() => weightsToPercent([])).toThrow(/no weights/);
    expect(() => weightsToPercent([1, -1])).toThrow(/weight 2/);
    expect(() => weightsToPercent([1, Number.NaN])).toThrow(/weight 2/);
    expect(() => weightsToPercent([0, 0])).toThrow(/sum to 0/);
  });
});
