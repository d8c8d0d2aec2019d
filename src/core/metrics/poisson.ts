import type { Xoshiro128 } from './prng';

/**
 * Poisson random variates, the multiplicities of the Poisson bootstrap.
 *
 * P(X = k) = e^(−λ) λ^k / k!.
 *
 * - λ ≤ 64: inversion against the cumulative distribution, scaled to 32 bits:
 *   X = the number of k with ⌊2^32 · F(k)⌉ ≤ u for a uniform 32-bit u, so each
 *   probability is exact to 2^−32. A 4096-entry table of the answer for the
 *   top 12 bits of u settles almost every draw in one look-up; the few table
 *   cells that straddle a step of F fall back to comparing all 32 bits.
 * - λ > 64: PTRS, the transformed rejection method with squeeze of W. Hörmann,
 *   "The transformed rejection method for generating Poisson random variables",
 *   Insurance: Mathematics and Economics 12 (1993) 39–45. Exact, O(1) per draw.
 */
export class PoissonSampler {
  readonly mean: number;
  private readonly table: Uint8Array | null;
  private readonly steps: Float64Array | null;
  private readonly ptrs: PtrsConstants | null;

  constructor(mean: number) {
    if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`bad Poisson mean ${mean}`);
    this.mean = mean;
    if (mean <= SMALL_MEAN) {
      this.steps = cumulativeSteps(mean);
      this.table = stepTable(this.steps);
      this.ptrs = null;
    } else {
      this.steps = null;
      this.table = null;
      this.ptrs = ptrsConstants(mean);
    }
  }

  draw(rng: Xoshiro128): number {
    if (this.table !== null) {
      const u = rng.nextUint32();
      const k = this.table[u >>> (32 - TABLE_BITS)]!;
      return k === AMBIGUOUS ? countStepsBelow(this.steps!, u) : k;
    }
    return drawPtrs(this.ptrs!, rng);
  }

  /** Independent draws for every entry of `out`: per-item multiplicities. Small means only (< 255). */
  fill(rng: Xoshiro128, out: Uint8Array): void {
    const steps = this.steps;
    if (this.table === null || steps === null)
      throw new RangeError('fill needs a mean of at most 64');
    rng.fillMapped(out, this.table, TABLE_BITS, AMBIGUOUS, (_, u) => countStepsBelow(steps, u));
  }
}

/**
 * Many small-mean Poisson draws at once, entry i with mean `means[i]` (whole
 * numbers from 0 to 64): one table per distinct mean, laid end to end, and one
 * pass of the generator.
 */
export class PoissonBatch {
  /** Entry i's draw is `tables[offsets[i] + (u >>> (32 − TABLE_BITS))]`, or `resolve(i, u)` where that is ESCAPE. */
  readonly tables: Uint8Array;
  readonly offsets: Int32Array;
  /** Per distinct mean, the steps that `countStepsBelow` searches: entry i's are `steps[offsets[i] >>> TABLE_BITS]`. */
  readonly steps: Float64Array[];

  constructor(readonly means: Int32Array) {
    const distinct = [...new Set(means)].sort((a, b) => a - b);
    if (distinct.some((m) => !(m >= 0 && m <= SMALL_MEAN))) {
      throw new RangeError(`batch means must be whole numbers from 0 to ${SMALL_MEAN}`);
    }
    const size = 1 << TABLE_BITS;
    this.tables = new Uint8Array(distinct.length * size);
    const slot = new Map<number, number>();
    this.steps = [];
    distinct.forEach((mean, d) => {
      const steps = cumulativeSteps(mean);
      this.tables.set(stepTable(steps), d * size);
      slot.set(mean, d);
      this.steps.push(steps);
    });
    this.offsets = Int32Array.from(means, (m) => slot.get(m)! * size);
  }

  /** The draw of entry i for the uniform 32-bit u, where the table cell straddles a step. */
  resolve(i: number, u: number): number {
    return countStepsBelow(this.steps[this.offsets[i]! >>> TABLE_BITS]!, u);
  }

  fill(rng: Xoshiro128, out: Uint8Array): void {
    rng.fillMappedEach(out, this.tables, this.offsets, TABLE_BITS, AMBIGUOUS, (i, u) =>
      this.resolve(i, u),
    );
  }
}

export const SMALL_MEAN = 64;
export const TABLE_BITS = 12;
/** The table cell value that sends a draw to `resolve`. */
export const AMBIGUOUS = 255;
const TWO_32 = 4294967296;

/** ⌊2^32 F(k)⌉ for k = 0, 1, …, up to the first k where it reaches 2^32 (the rest of the tail is below 2^−33). */
function cumulativeSteps(mean: number): Float64Array {
  const steps: number[] = [];
  let p = Math.exp(-mean);
  let cumulative = 0;
  for (let k = 0; ; k += 1) {
    cumulative += p;
    const step = Math.min(TWO_32, Math.round(cumulative * TWO_32));
    steps.push(step);
    // Past the mode the terms only shrink, so once F rounds to 1 it stays there.
    if (step >= TWO_32 || (k > mean && p * TWO_32 < 0.5)) break;
    p *= mean / (k + 1);
  }
  steps[steps.length - 1] = TWO_32;
  return Float64Array.from(steps);
}

export function countStepsBelow(steps: Float64Array, u: number): number {
  let k = 0;
  while (u >= steps[k]!) k += 1;
  return k;
}

/** For each value of the top bits of u: the draw when every u with those bits gives the same one. */
function stepTable(steps: Float64Array): Uint8Array {
  const size = 1 << TABLE_BITS;
  const width = TWO_32 / size;
  const table = new Uint8Array(size);
  for (let cell = 0; cell < size; cell += 1) {
    const low = countStepsBelow(steps, cell * width);
    const high = countStepsBelow(steps, (cell + 1) * width - 1);
    table[cell] = low === high && low < AMBIGUOUS ? low : AMBIGUOUS;
  }
  return table;
}

interface PtrsConstants {
  mean: number;
  logMean: number;
  b: number;
  a: number;
  invAlpha: number;
  vr: number;
}

function ptrsConstants(mean: number): PtrsConstants {
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  return {
    mean,
    logMean: Math.log(mean),
    b,
    a: -0.059 + 0.02483 * b,
    invAlpha: 1.1239 + 1.1328 / (b - 3.4),
    vr: 0.9277 - 3.6224 / (b - 2),
  };
}

function drawPtrs(c: PtrsConstants, rng: Xoshiro128): number {
  for (;;) {
    const u = rng.nextOpenUnit() - 0.5;
    const v = rng.nextOpenUnit();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * c.a) / us + c.b) * u + c.mean + 0.43);
    // The squeeze: inside it the candidate is accepted without evaluating the density.
    if (us >= 0.07 && v <= c.vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const lhs = Math.log(v) + Math.log(c.invAlpha) - Math.log(c.a / (us * us) + c.b);
    if (lhs <= -c.mean + k * c.logMean - logFactorial(k)) return k;
  }
}

const FACTORIAL_TABLE = 256;
const LOG_FACTORIALS = (() => {
  const table = new Float64Array(FACTORIAL_TABLE);
  for (let k = 1; k < FACTORIAL_TABLE; k += 1) table[k] = table[k - 1]! + Math.log(k);
  return table;
})();

/**
 * ln k!: summed exactly below 256, else Stirling's series
 * ln k! = k ln k − k + ½ ln(2πk) + 1/(12k) − 1/(360k³) + 1/(1260k⁵),
 * whose next term, 1/(1680k⁷), is below 10^−19 there.
 */
export function logFactorial(k: number): number {
  if (k < FACTORIAL_TABLE) return LOG_FACTORIALS[k]!;
  const k2 = k * k;
  return (
    k * Math.log(k) -
    k +
    0.5 * Math.log(2 * Math.PI * k) +
    1 / (12 * k) -
    1 / (360 * k * k2) +
    1 / (1260 * k * k2 * k2)
  );
}

const cache = new Map<number, PoissonSampler>();

/** One sampler per mean, built once: building the small-mean table costs a few thousand steps. */
export function poissonSampler(mean: number): PoissonSampler {
  let sampler = cache.get(mean);
  if (sampler === undefined) {
    sampler = new PoissonSampler(mean);
    if (cache.size < 4096) cache.set(mean, sampler);
  }
  return sampler;
}
