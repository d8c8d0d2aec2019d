import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bootstrapAuc,
  bootstrapAucPaired,
  mixedTies,
  weightedAuc,
} from '../../../src/core/metrics/bootstrap-auc';
import { piecesOf, type Pieces } from '../../../src/core/metrics/auc-pieces';
import { PoissonBatch } from '../../../src/core/metrics/poisson';
import {
  bootstrapConfusion,
  bootstrapConfusionPaired,
} from '../../../src/core/metrics/bootstrap-classification';
import { percentileInterval } from '../../../src/core/metrics/bootstrap';
import { confusionCounts } from '../../../src/core/metrics/classification';
import { Xoshiro128 } from '../../../src/core/metrics/prng';
import { aucOf, rankScores } from '../../../src/core/metrics/roc-auc';

const settings = { seed: 1, resamples: 1000 };

const sd = (values: Float64Array) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
};

describe('percentile interval', () => {
  it('takes the 26th and the 975th of 1,000 sorted values, leaving out undefined ones', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i * 337) % 1000); // 0…999 shuffled
    expect(percentileInterval(values)).toEqual({
      interval: { low: 25, high: 974 },
      undefinedResamples: 0,
    });
    const withGaps = Float64Array.from([...Array.from({ length: 40 }, (_, i) => i), NaN, NaN]);
    // 40 defined values: ⌊40/40⌋ = 1 left out at each end → the 2nd and the 39th
    expect(percentileInterval(withGaps)).toEqual({
      interval: { low: 1, high: 38 },
      undefinedResamples: 2,
    });
    expect(percentileInterval(Float64Array.from([NaN]))).toEqual({
      interval: null,
      undefinedResamples: 1,
    });
  });
});

/** A fixed data set: n items, label 1 with probability 0.3, a score that leans on the label. */
function dataset(n: number, seed: number, lean = 0.5) {
  const rng = new Xoshiro128(seed);
  const positive = Uint8Array.from({ length: n }, () => (rng.nextOpenUnit() < 0.3 ? 1 : 0));
  const scores = Float64Array.from(
    positive,
    (p) => Math.round((rng.nextOpenUnit() + lean * p) * 1000) / 1000,
  );
  return { positive, scores };
}

/** The AUC of pieces whose resampled sizes are `draws`: the sweep, written out plainly. */
function sweep(pieces: Pieces, draws: ArrayLike<number>): number {
  let twiceU = 0;
  let below = 0;
  let totalPositive = 0;
  let p = 0;
  let q = 0;
  for (let e = 0; e < pieces.sizes.length; e += 1) {
    if (pieces.positive[e] === -1) p += draws[e]!;
    else q += draws[e]!;
    if (pieces.last[e] === -1) {
      twiceU += p * (2 * below + q);
      below += q;
      totalPositive += p;
      p = 0;
      q = 0;
    }
  }
  return totalPositive === 0 || below === 0 ? NaN : twiceU / (2 * totalPositive * below);
}

describe('AUC bootstrap', () => {
  it('cuts the ranking into pieces of at most 64 that keep the AUC (every piece at its own size)', () => {
    const { positive, scores } = dataset(5000, 12);
    const ranking = rankScores(scores, positive);
    const pieces = piecesOf(ranking);
    expect(pieces.sizes.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(Math.max(...pieces.sizes)).toBeLessThanOrEqual(64);
    expect(sweep(pieces, pieces.sizes)).toBeCloseTo(aucOf(ranking)!, 12);
  });

  it('draws inside its sweep exactly what PoissonBatch.fill draws, resample by resample', () => {
    const { positive, scores } = dataset(2000, 5); // three decimals: ties of both classes occur
    const ranking = rankScores(scores, positive);
    const pieces = piecesOf(ranking);
    const batch = new PoissonBatch(pieces.sizes);
    const draws = new Uint8Array(pieces.sizes.length);
    const expected = Float64Array.from({ length: 50 }, (_, b) => {
      batch.fill(new Xoshiro128(3, b), draws);
      return sweep(pieces, draws);
    });
    expect(bootstrapAuc(ranking, { seed: 3, resamples: 50 })).toEqual(expected);
  });

  it('weights an item w times exactly as if it appeared w times (ties included)', () => {
    const items = fc.array(
      fc.record({
        score: fc.integer({ min: 0, max: 6 }),
        positive: fc.constantFrom(0, 1),
        weight: fc.integer({ min: 0, max: 4 }),
      }),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(items, (list) => {
        const ranking = rankScores(
          Float64Array.from(list, (x) => x.score),
          Uint8Array.from(list, (x) => x.positive),
        );
        const weights = Uint8Array.from(list, (x) => x.weight);
        const repeated = list.flatMap((x) => Array.from({ length: x.weight }, () => x));
        const expected = aucOf(
          rankScores(
            Float64Array.from(repeated, (x) => x.score),
            Uint8Array.from(repeated, (x) => x.positive),
          ),
        );
        const weightAt = Uint8Array.from(ranking.order, (i) => weights[i]!);
        const got = weightedAuc(ranking, weightAt, mixedTies(ranking));
        if (expected === null) expect(got).toBeNaN();
        else expect(got).toBeCloseTo(expected, 12);
      }),
    );
  });

  it('draws runs at once with the same spread as drawing every item (per-item paired draws against a constant baseline)', () => {
    const { positive, scores } = dataset(3000, 4);
    const ranking = rankScores(scores, positive);
    const byRuns = bootstrapAuc(ranking, settings);
    // A constant baseline has AUC ½ in every resample, so the paired differences are AUC* − ½.
    const constant = rankScores(new Float64Array(3000), positive);
    const byItems = bootstrapAucPaired(ranking, constant, settings).map((d) => d + 0.5);
    // Two estimates of one sd from 1,000 resamples each: their Monte Carlo error is about 2–3 %.
    expect(sd(byRuns) / sd(byItems)).toBeGreaterThan(0.88);
    expect(sd(byRuns) / sd(byItems)).toBeLessThan(1.12);
    const auc = aucOf(ranking)!;
    const mean = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(Math.abs(mean(byRuns) - auc)).toBeLessThan(0.3 * sd(byItems));
  });

  it('is reproducible with the same seed and differs with another', () => {
    const { positive, scores } = dataset(300, 9);
    const ranking = rankScores(scores, positive);
    expect(bootstrapAuc(ranking, settings)).toEqual(bootstrapAuc(ranking, settings));
    expect(bootstrapAuc(ranking, { seed: 2, resamples: 1000 })).not.toEqual(
      bootstrapAuc(ranking, settings),
    );
  });

  it('gives an interval that contains the AUC, and a zero difference against itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 400 }),
        fc.integer({ min: 1, max: 1e6 }),
        (n, seed) => {
          const { positive, scores } = dataset(n, seed);
          const ranking = rankScores(scores, positive);
          const auc = aucOf(ranking);
          if (auc === null) return;
          const { interval } = percentileInterval(bootstrapAuc(ranking, { seed, resamples: 1000 }));
          expect(interval!.low).toBeLessThanOrEqual(auc);
          expect(interval!.high).toBeGreaterThanOrEqual(auc);
          const self = bootstrapAucPaired(ranking, ranking, { seed, resamples: 200 });
          expect(self.every((d) => d === 0 || Number.isNaN(d))).toBe(true);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('classification bootstrap', () => {
  it('spreads accuracy as the binomial standard error √(p(1 − p)/n)', () => {
    // 10,000 items, 8,000 right: sd ≈ √(0.8 · 0.2 / 10,000) = 0.004
    const counts = Float64Array.from([4000, 1000, 1000, 4000]);
    const samples = bootstrapConfusion(2, counts, 1, settings);
    expect(sd(samples.accuracy) / 0.004).toBeGreaterThan(0.9);
    expect(sd(samples.accuracy) / 0.004).toBeLessThan(1.1);
  });

  it('pairs the model with its baseline: the accuracy difference spreads as √(var(d)/n) of the per-item differences', () => {
    // 2,000 items: both right on 1,400, only the model on 300, only the baseline on 100, both wrong on 200.
    // d = +1 (300×), −1 (100×), 0 (1,600×): mean 0.1, var(d) = 400/2000 − 0.1² = 0.19, sd = √(0.19/2000) ≈ 0.00975
    const n = 2000;
    const actual = new Int32Array(n).fill(1);
    const model = Int32Array.from({ length: n }, (_, i) =>
      i < 1400 || (i >= 1400 && i < 1700) ? 1 : 0,
    );
    const baseline = Int32Array.from({ length: n }, (_, i) =>
      i < 1400 || (i >= 1700 && i < 1800) ? 1 : 0,
    );
    const samples = bootstrapConfusionPaired(2, actual, model, baseline, 1, settings);
    const expected = Math.sqrt(0.19 / n);
    expect(sd(samples.accuracy) / expected).toBeGreaterThan(0.9);
    expect(sd(samples.accuracy) / expected).toBeLessThan(1.1);
    // against itself every resampled difference is exactly 0
    const self = bootstrapConfusionPaired(2, actual, model, model, 1, settings);
    expect(self.accuracy.every((d) => d === 0)).toBe(true);
  });

  it('gives accuracy intervals that contain the accuracy, reproducibly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), {
          minLength: 20,
          maxLength: 200,
        }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (pairs, seed) => {
          const actual = Int32Array.from(pairs, ([a]) => a);
          const predicted = Int32Array.from(pairs, ([, p]) => p);
          const counts = confusionCounts(3, actual, predicted);
          const accuracy = pairs.filter(([a, p]) => a === p).length / pairs.length;
          const run = () => bootstrapConfusion(3, counts, -1, { seed, resamples: 1000 });
          const samples = run();
          const { interval } = percentileInterval(samples.accuracy);
          expect(interval!.low).toBeLessThanOrEqual(accuracy);
          expect(interval!.high).toBeGreaterThanOrEqual(accuracy);
          expect(run().accuracy).toEqual(samples.accuracy);
        },
      ),
      { numRuns: 40 },
    );
  });
});
