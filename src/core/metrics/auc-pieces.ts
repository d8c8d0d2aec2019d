import { AMBIGUOUS, countStepsBelow, SMALL_MEAN, TABLE_BITS, type PoissonBatch } from './poisson';
import type { Ranking } from './roc-auc';

/**
 * Score order cut into pieces the AUC cannot look inside: runs of consecutive
 * items of one class (their order among themselves adds no pair), and tied
 * groups that hold both classes (split in a positive and a negative part).
 * Pieces larger than SMALL_MEAN are cut again, so every piece's resampled size
 * comes from a small table: a sum of independent Poisson draws is a Poisson
 * draw of the summed mean, so the cut changes nothing in distribution.
 */
export interface Pieces {
  sizes: Int32Array;
  /** −1 for a piece of positives, 0 for negatives: a mask, for a branch-free sweep. */
  positive: Int32Array;
  /** −1 for the last piece of a run or tied group (the pairs are counted there), else 0. */
  last: Int32Array;
}

export function piecesOf(ranking: Ranking): Pieces {
  const sizes: number[] = [];
  const positive: number[] = [];
  const closes: number[] = [];
  const add = (size: number, isPositive: number) => {
    for (let left = size; left > 0; left -= SMALL_MEAN) {
      sizes.push(Math.min(left, SMALL_MEAN));
      positive.push(isPositive);
      closes.push(0);
    }
  };
  const groups = ranking.groupScores.length;
  for (let g = 0; g < groups;) {
    const p = ranking.groupPositives[g]!;
    const q = ranking.groupNegatives[g]!;
    let end = g + 1;
    if (p === 0 || q === 0) {
      // Extend over the following groups of the same single class.
      let total = p + q;
      while (
        end < groups &&
        (p === 0) === (ranking.groupPositives[end] === 0) &&
        (q === 0) === (ranking.groupNegatives[end] === 0)
      ) {
        total += ranking.groupPositives[end]! + ranking.groupNegatives[end]!;
        end += 1;
      }
      add(total, p > 0 ? 1 : 0);
    } else {
      add(p, 1);
      add(q, 0);
    }
    closes[closes.length - 1] = 1;
    g = end;
  }
  return {
    sizes: Int32Array.from(sizes),
    positive: Int32Array.from(positive, (p) => -p),
    last: Int32Array.from(closes, (c) => -c),
  };
}

// sweepChunk writes these two constants out as literals.
if (TABLE_BITS !== 12 || AMBIGUOUS !== 255) throw new Error('update sweepChunk');

/** Pieces per call of sweepChunk. */
const CHUNK = 4096;

/**
 * The AUC of one resample: each piece's size drawn from the batch's tables
 * with the generator stepped in locals, and the weighted Mann–Whitney sum
 * accumulated in the same pass. This is PoissonBatch.fill and a sweep fused
 * into one loop (a test checks that both give the same): a million-item file
 * has a few hundred thousand pieces, and fusing the loops halves the time.
 *
 * The sweep goes in chunks, each a call: a function that runs briefly and
 * often is optimised by V8 from complete type feedback, where one long loop
 * was compiled mid-run and came out 2× slower in about a third of runs (measured).
 */
export function resampledAuc(
  pieces: Pieces,
  batch: PoissonBatch,
  state: readonly [number, number, number, number],
): number {
  const rng = Int32Array.from(state);
  // [twice the pairs, +½ so it is never taken for a small integer] and [below, positives, p, q]
  const sums = Float64Array.of(0.5);
  const counts = new Int32Array(4);
  const count = pieces.sizes.length;
  for (let from = 0; from < count; from += CHUNK) {
    sweepChunk(pieces, batch, from, Math.min(count, from + CHUNK), rng, sums, counts);
  }
  const twiceU = sums[0]! - 0.5;
  const below = counts[0]!;
  const totalPositive = counts[1]!;
  return totalPositive === 0 || below === 0 ? NaN : twiceU / (2 * totalPositive * below);
}

function sweepChunk(
  pieces: Pieces,
  batch: PoissonBatch,
  from: number,
  to: number,
  rng: Int32Array,
  sums: Float64Array,
  counts: Int32Array,
): void {
  const { positive, last } = pieces;
  const { tables, offsets, steps } = batch;
  let s0 = rng[0]!;
  let s1 = rng[1]!;
  let s2 = rng[2]!;
  let s3 = rng[3]!;
  let twiceU = sums[0]!;
  // Counts stay in int32: a resample's total weight is within a few times n, far below 2^30.
  let below = counts[0]!;
  let totalPositive = counts[1]!;
  let p = counts[2]!;
  let q = counts[3]!;
  for (let e = from; e < to; e += 1) {
    // xoshiro128**, as Xoshiro128.nextUint32
    const m = Math.imul(s1, 5);
    const u = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    // Literal 12, 20 and 255 (TABLE_BITS, 32 − TABLE_BITS, AMBIGUOUS; checked at load):
    // constants go into the instructions, and this loop runs 10^8 times or more.
    let x = tables[offsets[e]! + (u >>> 20)]!;
    if (x === 255) x = countStepsBelow(steps[offsets[e]! >>> 12]!, u >>> 0);
    // Branch-free with masks (0 or −1): where the classes and the ends of runs fall is
    // data, and mispredicted branches on them cost twice the time of the loop (measured).
    const isPositive = positive[e]!;
    const isLast = last[e]!;
    p = (p + (x & isPositive)) | 0;
    q = (q + (x & ~isPositive)) | 0;
    twiceU += (p & isLast) * (2 * below + q);
    below = (below + (q & isLast)) | 0;
    totalPositive = (totalPositive + (p & isLast)) | 0;
    p &= ~isLast;
    q &= ~isLast;
  }
  rng[0] = s0;
  rng[1] = s1;
  rng[2] = s2;
  rng[3] = s3;
  sums[0] = twiceU;
  counts[0] = below;
  counts[1] = totalPositive;
  counts[2] = p;
  counts[3] = q;
}
