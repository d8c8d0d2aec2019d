import { sortOrder } from './sort-order';

/**
 * Binary scores ranked once, ascending, with runs of equal scores ("groups")
 * counted by class: everything the ROC curve, the AUC and its bootstrap need.
 */
export interface Ranking {
  n: number;
  positives: number;
  negatives: number;
  /** Item indices by ascending score; equal scores keep file order. */
  order: Int32Array;
  /** 1 where `order[k]` is a positive. */
  positiveAt: Uint8Array;
  /** Group g covers `order[groupStarts[g] … groupStarts[g + 1] − 1]`; the last entry is n. */
  groupStarts: Int32Array;
  groupScores: Float64Array;
  groupPositives: Int32Array;
  groupNegatives: Int32Array;
}

export function rankScores(scores: Float64Array, isPositive: Uint8Array): Ranking {
  const n = scores.length;
  const order = sortOrder(scores);
  const positiveAt = new Uint8Array(n);
  // At most n groups; filled in place and trimmed, a million pushes being slow.
  const starts = new Int32Array(n + 1);
  const values = new Float64Array(n);
  const pos = new Int32Array(n);
  const neg = new Int32Array(n);
  let groups = 0;
  let positives = 0;
  for (let k = 0; k < n; k += 1) {
    const i = order[k]!;
    const s = scores[i]!;
    if (k === 0 || s !== values[groups - 1]) {
      starts[groups] = k;
      values[groups] = s;
      groups += 1;
    }
    const p = isPositive[i]!;
    positiveAt[k] = p;
    positives += p;
    if (p === 1) pos[groups - 1]! += 1;
    else neg[groups - 1]! += 1;
  }
  starts[groups] = n;
  return {
    n,
    positives,
    negatives: n - positives,
    order,
    positiveAt,
    groupStarts: starts.slice(0, groups + 1),
    groupScores: values.slice(0, groups),
    groupPositives: pos.slice(0, groups),
    groupNegatives: neg.slice(0, groups),
  };
}

/**
 * Area under the ROC curve as the Mann–Whitney statistic (Hanley & McNeil,
 * "The meaning and use of the area under a ROC curve", Radiology 143, 1982):
 * the probability that a random positive scores above a random negative, ties
 * counting one half:
 *
 *   AUC = Σ_{i ∈ pos} Σ_{j ∈ neg} [s_i > s_j] + ½ [s_i = s_j]  /  (P · N)
 *
 * summed over groups of equal scores in one ascending pass: a group with p
 * positives and q negatives above N_below negatives adds p · (N_below + q/2).
 * It equals the trapezoidal area under the ROC curve, ties included.
 * Null when a class is absent: with no positives or no negatives there is no pair.
 */
export function aucOf(ranking: Ranking): number | null {
  if (ranking.positives === 0 || ranking.negatives === 0) return null;
  let twiceU = 0;
  let below = 0;
  const groups = ranking.groupScores.length;
  for (let g = 0; g < groups; g += 1) {
    const p = ranking.groupPositives[g]!;
    const q = ranking.groupNegatives[g]!;
    twiceU += p * (2 * below + q);
    below += q;
  }
  return twiceU / (2 * ranking.positives * ranking.negatives);
}

/**
 * The ROC curve: for each distinct score t, from the highest down, the false
 * positive rate FP/N and the true positive rate TP/P when "score ≥ t" is called
 * positive, starting at (0, 0) for a threshold above every score (+∞).
 * Points in the middle of a straight run are left out (as scikit-learn's
 * `drop_intermediate` does): the curve, and the area under it, are unchanged.
 * Null when a class is absent, as a rate over an empty class is undefined.
 */
export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  thresholds: Float64Array;
}

export function rocCurve(ranking: Ranking): RocCurve | null {
  const { positives: P, negatives: N } = ranking;
  if (P === 0 || N === 0) return null;
  const groups = ranking.groupScores.length;
  const fp: number[] = [0];
  const tp: number[] = [0];
  const thresholds: number[] = [Infinity];
  let f = 0;
  let t = 0;
  for (let g = groups - 1; g >= 0; g -= 1) {
    f += ranking.groupNegatives[g]!;
    t += ranking.groupPositives[g]!;
    const last = fp.length - 1;
    // Collinear with the previous two points (integer counts, so the test is exact): move the end point.
    if (last >= 1) {
      const dx1 = fp[last]! - fp[last - 1]!;
      const dy1 = tp[last]! - tp[last - 1]!;
      const dx2 = f - fp[last]!;
      const dy2 = t - tp[last]!;
      if (dx1 * dy2 === dy1 * dx2) {
        fp[last] = f;
        tp[last] = t;
        thresholds[last] = ranking.groupScores[g]!;
        continue;
      }
    }
    fp.push(f);
    tp.push(t);
    thresholds.push(ranking.groupScores[g]!);
  }
  return {
    fpr: Float64Array.from(fp, (x) => x / N),
    tpr: Float64Array.from(tp, (x) => x / P),
    thresholds: Float64Array.from(thresholds),
  };
}
