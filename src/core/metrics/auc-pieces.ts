import { AMBIGUOUS, SMALL_MEAN, TABLE_BITS, type PoissonBatch } from './poisson';
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

// resampledAuc writes these two constants out as literals.
if (32 - TABLE_BITS !== 20 || AMBIGUOUS !== 255) throw new Error('update resampledAuc');

/**
 * The AUC of one resample: each piece's size drawn from the batch's tables
 * with the generator stepped in locals, and the weighted Mann–Whitney sum
 * accumulated in the same pass. This is PoissonBatch.fill and a sweep fused
 * into one loop (a test checks that both give the same): a million-item file
 * has a few hundred thousand pieces, and fusing the loops halves the time.
 */
export function resampledAuc(
  pieces: Pieces,
  batch: PoissonBatch,
  state: readonly [number, number, number, number],
): number {
  const { sizes, positive, last } = pieces;
  const { tables, offsets } = batch;
  // `| 0` tells V8 these are int32 from the start, which keeps the loop in integer registers.
  let s0 = state[0] | 0;
  let s1 = state[1] | 0;
  let s2 = state[2] | 0;
  let s3 = state[3] | 0;
  // Counts stay in int32: a resample's total weight is within a few times n, far below 2^30.
  let twiceU = 0;
  let below = 0;
  let totalPositive = 0;
  let p = 0;
  let q = 0;
  const count = sizes.length;
  for (let e = 0; e < count; e += 1) {
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
    // Literal 20 and 255 (32 − TABLE_BITS and AMBIGUOUS, checked at load): constants go
    // into the instructions, and this loop runs 10^8 times or more.
    let x = tables[offsets[e]! + (u >>> 20)]!;
    if (x === 255) x = batch.resolve(e, u >>> 0);
    // Branch-free with masks (0 or −1): where the classes and the ends of runs fall is
    // data, and mispredicted branches on them cost twice the time of the loop (measured).
    const isPositive = positive[e]!;
    const isLast = last[e]!;
    p = (p + (x & isPositive)) | 0;
    q = (q + (x & ~isPositive)) | 0;
    twiceU += (p & isLast) * ((2 * below + q) | 0);
    below = (below + (q & isLast)) | 0;
    totalPositive = (totalPositive + (p & isLast)) | 0;
    p &= ~isLast;
    q &= ~isLast;
  }
  return totalPositive === 0 || below === 0 ? NaN : twiceU / (2 * totalPositive * below);
}
