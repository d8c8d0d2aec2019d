import type { BootstrapSettings } from './bootstrap';
import { AMBIGUOUS, PoissonBatch, poissonSampler, SMALL_MEAN, TABLE_BITS } from './poisson';
import { Xoshiro128 } from './prng';
import type { Ranking } from './roc-auc';

/**
 * Bootstrap AUCs: the weighted Mann–Whitney statistic of each resample,
 *
 *   AUC* = Σ_{i ∈ pos} Σ_{j ∈ neg} w_i w_j ([s_i > s_j] + ½ [s_i = s_j]) / (W_pos · W_neg),
 *
 * computed in one pass over the scores sorted once, as `aucOf` does without weights.
 * NaN for a resample that drew no positive or no negative.
 */

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
  /** 1 for a piece of positives. */
  positive: Uint8Array;
  /** 1 for the last piece of a run or tied group: the pairs are counted there. */
  closes: Uint8Array;
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
    positive: Uint8Array.from(positive),
    closes: Uint8Array.from(closes),
  };
}

/**
 * One model's AUC, resampled. A piece's resampled size is the sum of its
 * items' Poisson(1) multiplicities, one Poisson(size) draw: a pass over
 * pieces instead of items, with the same distribution.
 *
 * The draws are PoissonBatch.fill's, but made inside the sweep with the
 * generator stepped in locals: a million-item file has a few hundred thousand
 * pieces, and fusing the two loops halves the time of the whole interval.
 * A test checks that it gives exactly what fill and a separate sweep give.
 */
export function bootstrapAuc(ranking: Ranking, settings: BootstrapSettings): Float64Array {
  const pieces = piecesOf(ranking);
  const batch = new PoissonBatch(pieces.sizes);
  const samples = new Float64Array(settings.resamples);
  for (let b = 0; b < settings.resamples; b += 1) {
    samples[b] = resampledAuc(pieces, batch, new Xoshiro128(settings.seed, b).state());
  }
  return samples;
}

/** One resample (a function of its own: V8 optimizes a small hot function better than a loop inside a long one). */
function resampledAuc(
  pieces: Pieces,
  batch: PoissonBatch,
  state: readonly [number, number, number, number],
): number {
  const { sizes, positive, closes } = pieces;
  const { tables, offsets } = batch;
  // Imported and module constants copied to locals: in a hot loop each use of a
  // module binding can cost a check that it has been initialised.
  const shift = 32 - TABLE_BITS;
  const escape = AMBIGUOUS;
  // `| 0` tells V8 these are int32 from the start, which keeps the loop in integer registers.
  let s0 = state[0] | 0;
  let s1 = state[1] | 0;
  let s2 = state[2] | 0;
  let s3 = state[3] | 0;
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
    let x = tables[offsets[e]! + (u >>> shift)]!;
    if (x === escape) x = batch.resolve(e, u >>> 0);
    if (positive[e] === 1) p += x;
    else q += x;
    if (closes[e] === 1) {
      twiceU += p * (2 * below + q);
      below += q;
      totalPositive += p;
      p = 0;
      q = 0;
    }
  }
  return totalPositive === 0 || below === 0 ? NaN : twiceU / (2 * totalPositive * below);
}

/**
 * Model minus baseline AUC on the same items, resampled: per resample every
 * item gets one Poisson(1) multiplicity, and both rankings are swept with it.
 * This one is per item, as the two rankings order the items differently.
 */
export function bootstrapAucPaired(
  model: Ranking,
  baseline: Ranking,
  settings: BootstrapSettings,
): Float64Array {
  // Multiplicities are drawn in the model's score order, so the model's sweep reads them in
  // sequence; one scatter (cheaper than a gather: stores do not wait) lays them out in the
  // baseline's order for its sweep.
  const n = model.n;
  const baselinePlace = new Int32Array(n);
  for (let k = 0; k < n; k += 1) baselinePlace[baseline.order[k]!] = k;
  const modelToBaseline = Int32Array.from(model.order, (i) => baselinePlace[i]!);
  const modelWeights = new Uint8Array(n);
  const baselineWeights = new Uint8Array(n);
  const one = poissonSampler(1);
  const modelTies = mixedTies(model);
  const baselineTies = mixedTies(baseline);
  const samples = new Float64Array(settings.resamples);
  for (let b = 0; b < settings.resamples; b += 1) {
    one.fill(new Xoshiro128(settings.seed, b), modelWeights);
    for (let k = 0; k < n; k += 1) baselineWeights[modelToBaseline[k]!] = modelWeights[k]!;
    samples[b] =
      weightedAuc(model, modelWeights, modelTies) -
      weightedAuc(baseline, baselineWeights, baselineTies);
  }
  return samples;
}

/** The groups of tied scores that hold both classes: the only ones whose inner order matters. */
export function mixedTies(ranking: Ranking): Int32Array {
  const groups: number[] = [];
  for (let g = 0; g < ranking.groupScores.length; g += 1) {
    if (ranking.groupPositives[g]! > 0 && ranking.groupNegatives[g]! > 0) groups.push(g);
  }
  return Int32Array.from(groups);
}

const BLOCK = 256;

/**
 * The AUC with the item at place k of the ranking counted `weightAt[k]`
 * times (NaN without a positive or a negative). One branch-free pass counts every pair in sorted order as if no
 * two scores were equal; then, inside each tied group with both classes, the
 * pairs it counted in full (negative first) are replaced by a half for every pair.
 * Sums over blocks of 256 items stay in int32 (multiplicities are under 16, so
 * block sums are under 2^24), which keeps the hot loop cheap; block totals are
 * carried in doubles.
 */
export function weightedAuc(ranking: Ranking, weightAt: Uint8Array, ties: Int32Array): number {
  const { n, positiveAt } = ranking;
  const block = BLOCK;
  let twiceU = 0;
  let below = 0;
  let totalPositive = 0;
  for (let start = 0; start < n; start += block) {
    const end = Math.min(n, start + block);
    let u = 0;
    let p = 0;
    let q = 0;
    for (let k = start; k < end; k += 1) {
      const w = weightAt[k]!;
      const wp = w & -positiveAt[k]!;
      u = (u + Math.imul(wp, q)) | 0;
      p = (p + wp) | 0;
      q = (q + w - wp) | 0;
    }
    twiceU += 2 * (u + p * below);
    totalPositive += p;
    below += q;
  }
  for (let t = 0; t < ties.length; t += 1) {
    const g = ties[t]!;
    let p = 0;
    let q = 0;
    let negativeFirst = 0;
    for (let k = ranking.groupStarts[g]!; k < ranking.groupStarts[g + 1]!; k += 1) {
      const w = weightAt[k]!;
      if (positiveAt[k] === 1) {
        negativeFirst += w * q;
        p += w;
      } else q += w;
    }
    twiceU += p * q - 2 * negativeFirst;
  }
  return totalPositive === 0 || below === 0 ? NaN : twiceU / (2 * totalPositive * below);
}
