import type { BootstrapSettings } from './bootstrap';
import { piecesOf, resampledAuc } from './auc-pieces';
import { PoissonBatch, poissonSampler } from './poisson';
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
 * One model's AUC, resampled. A piece's resampled size is the sum of its
 * items' Poisson(1) multiplicities, one Poisson(size) draw: a pass over
 * pieces instead of items, with the same distribution.
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
  const starts = ranking.groupStarts;
  for (let t = 0; t < ties.length; t += 1) {
    const g = ties[t]!;
    let p = 0;
    let q = 0;
    let negativeFirst = 0;
    // Branch-free too: which items of a tied group are positive is data.
    for (let k = starts[g]!; k < starts[g + 1]!; k += 1) {
      const w = weightAt[k]!;
      const wp = w & -positiveAt[k]!;
      negativeFirst += wp * q;
      p += wp;
      q += w - wp;
    }
    twiceU += p * q - 2 * negativeFirst;
  }
  return totalPositive === 0 || below === 0 ? NaN : twiceU / (2 * totalPositive * below);
}
