import { describe, expect, it } from 'vitest';
import { logFactorial, PoissonBatch, poissonSampler } from '../../../src/core/metrics/poisson';
import { Xoshiro128 } from '../../../src/core/metrics/prng';

function draws(mean: number, count: number, seed: number): number[] {
  const sampler = poissonSampler(mean);
  const rng = new Xoshiro128(seed);
  return Array.from({ length: count }, () => sampler.draw(rng));
}

/** Pearson's χ² of observed counts against the Poisson pmf, tails pooled so every bin expects ≥ 20. */
function chiSquare(values: number[], mean: number): { chi2: number; bins: number } {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const n = values.length;
  const bins: { observed: number; expected: number }[] = [];
  let observed = 0;
  let expected = 0;
  let k = 0;
  let covered = 0;
  // P(X = k) = e^(−λ) λ^k / k!, by its logarithm: ln p_k = ln p_(k−1) + ln λ − ln k, ln p_0 = −λ.
  let logP = -mean;
  while (covered < 1 - 1e-12 && k < mean + 50 * Math.sqrt(mean) + 50) {
    if (k > 0) logP += Math.log(mean) - Math.log(k);
    const p = Math.exp(logP);
    covered += p;
    observed += counts.get(k) ?? 0;
    expected += n * p;
    if (expected >= 20) {
      bins.push({ observed, expected });
      observed = 0;
      expected = 0;
    }
    k += 1;
  }
  const tail = values.filter((v) => v >= k).length;
  const last = bins[bins.length - 1]!;
  last.observed += observed + tail;
  last.expected += expected + n * (1 - covered);
  const chi2 = bins.reduce((sum, b) => sum + (b.observed - b.expected) ** 2 / b.expected, 0);
  return { chi2, bins: bins.length };
}

/** χ² critical value at p = 0.001 by the Wilson–Hilferty approximation (good for df ≥ 3). */
const critical = (df: number) => df * (1 - 2 / (9 * df) + 3.0902 * Math.sqrt(2 / (9 * df))) ** 3;

describe('Poisson sampler', () => {
  it.each([
    [1, 200_000],
    [3.5, 100_000],
    [64, 100_000],
    [100, 100_000],
    [2500, 50_000],
  ])('fits Poisson(%d) by a χ² test (table below 64, PTRS above)', (mean, count) => {
    const values = draws(mean, count, 77);
    const { chi2, bins } = chiSquare(values, mean);
    expect(bins).toBeGreaterThan(3);
    expect(chi2).toBeLessThan(critical(bins - 1));
    const m = values.reduce((a, b) => a + b, 0) / count;
    // The mean of n draws has sd √(λ/n): allow five of them.
    expect(Math.abs(m - mean)).toBeLessThan(5 * Math.sqrt(mean / count));
  });

  it('gives 0 for a mean of 0, and never a negative count', () => {
    expect(draws(0, 100, 1).every((v) => v === 0)).toBe(true);
    expect(draws(70, 10_000, 3).every((v) => v >= 0 && Number.isInteger(v))).toBe(true);
  });

  it('fills an array with the same draws as one draw at a time', () => {
    const sampler = poissonSampler(1);
    const out = new Uint8Array(5000);
    sampler.fill(new Xoshiro128(5, 9), out);
    const rng = new Xoshiro128(5, 9);
    expect(Array.from(out)).toEqual(Array.from(out, () => sampler.draw(rng)));
  });

  it('draws a batch of small means as the single samplers would, in order', () => {
    const means = Int32Array.from([1, 5, 64, 0, 2, 1, 33]);
    const out = new Uint8Array(means.length);
    new PoissonBatch(means).fill(new Xoshiro128(8, 1), out);
    const rng = new Xoshiro128(8, 1);
    expect(Array.from(out)).toEqual(Array.from(means, (m) => poissonSampler(m).draw(rng)));
    expect(() => new PoissonBatch(Int32Array.from([65]))).toThrow(RangeError);
  });

  it('computes ln k! exactly enough on both sides of the switch to Stirling’s series', () => {
    // ln 5! = ln 120
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 12);
    expect(logFactorial(0)).toBe(0);
    for (const k of [255, 256, 300, 1000]) {
      let sum = 0;
      for (let i = 2; i <= k; i += 1) sum += Math.log(i);
      expect(Math.abs(logFactorial(k) - sum) / sum).toBeLessThan(1e-13);
    }
  });
});
