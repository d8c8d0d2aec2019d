import { tokenize13a, trimEndWhitespace } from './tokenizer-13a';

/**
 * Corpus BLEU (Papineni et al., "BLEU: a method for automatic evaluation of
 * machine translation", ACL 2002) with sacreBLEU's defaults (Post, "A call for
 * clarity in reporting BLEU scores", WMT 2018): signature
 * `case:mixed|eff:no|tok:13a|smooth:exp`, on a 0–100 scale.
 *
 * Per segment: the candidate's n-grams (n = 1…4) are matched against the
 * references, each n-gram counting at most as often as it occurs in the
 * reference where it occurs most ("clipped" counts); the reference length is
 * that of the reference closest in length to the candidate (the shorter on a tie).
 * Over the corpus, with c_n and t_n the summed matched and total n-grams, h and
 * r the summed candidate and reference lengths:
 *
 *   p_n  = 100 · c_n / t_n, or, when c_n = 0, 100 / (2^m · t_n) for the m-th
 *          such order ("exp" smoothing, as NIST's mteval-v13a)
 *   BP   = 1 if h ≥ r, else e^(1 − r/h) (0 when h = 0)
 *   BLEU = BP · exp( (1/N) Σ_{n=1..N} ln p_n ), N = 4
 *
 * BLEU is 0 when nothing matches, and when some order has no n-grams at all
 * (a corpus of very short segments), unless `effectiveOrder` is set: then N
 * is the highest order that has n-grams (sacreBLEU's `use_effective_order`,
 * its default for sentence-level BLEU only).
 */
export interface BleuOptions {
  maxOrder?: number;
  effectiveOrder?: boolean;
}

export interface BleuScore {
  score: number;
  /** p_n on the 0–100 scale. */
  precisions: number[];
  counts: number[];
  totals: number[];
  bp: number;
  /** h / r, or 0 without references. */
  ratio: number;
  hypLength: number;
  refLength: number;
}

export const BLEU_MAX_ORDER = 4;

/** Per segment, `width` numbers: candidate length, reference length, c_1…c_N, t_1…t_N. */
export interface SegmentStatistics {
  segments: number;
  maxOrder: number;
  width: number;
  values: Float64Array;
}

/** One line of a text file as sacreBLEU reads it (trailing whitespace dropped), tokenized. */
export function segmentTokens(segment: string): string[] {
  const tokenized = tokenize13a(trimEndWhitespace(segment));
  return tokenized === '' ? [] : tokenized.split(' ');
}

/** `counts[n − 1]`: how often each n-gram occurs; tokens hold no spaces, so joining them names it. */
function ngramCounts(tokens: readonly string[], maxOrder: number): Map<string, number>[] {
  const counts: Map<string, number>[] = [];
  for (let n = 1; n <= maxOrder; n += 1) {
    const order = new Map<string, number>();
    for (let i = 0; i + n <= tokens.length; i += 1) {
      const key = tokens.slice(i, i + n).join(' ');
      order.set(key, (order.get(key) ?? 0) + 1);
    }
    counts.push(order);
  }
  return counts;
}

/** `references[r][s]`: reference stream r's segment s; every stream as long as the candidates. */
export function segmentStatistics(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  maxOrder = BLEU_MAX_ORDER,
): SegmentStatistics {
  const width = 2 + 2 * maxOrder;
  const values = new Float64Array(hypotheses.length * width);
  hypotheses.forEach((hypothesis, s) => {
    // The most times each n-gram occurs in any one reference: the clip for its matches.
    const best = new Map<string, number>();
    const refLengths: number[] = [];
    for (const stream of references) {
      const tokens = segmentTokens(stream[s] ?? '');
      refLengths.push(tokens.length);
      for (const order of ngramCounts(tokens, maxOrder)) {
        for (const [key, count] of order) if (count > (best.get(key) ?? 0)) best.set(key, count);
      }
    }
    const tokens = segmentTokens(hypothesis);
    const row = s * width;
    values[row] = tokens.length;
    values[row + 1] = closestLength(tokens.length, refLengths);
    ngramCounts(tokens, maxOrder).forEach((order, n) => {
      for (const [key, count] of order) {
        values[row + 2 + n]! += Math.min(count, best.get(key) ?? 0);
        values[row + 2 + maxOrder + n]! += count;
      }
    });
  });
  return { segments: hypotheses.length, maxOrder, width, values };
}

function closestLength(length: number, candidates: readonly number[]): number {
  let best = -1;
  let bestDiff = Infinity;
  for (const r of candidates) {
    const diff = Math.abs(length - r);
    if (diff < bestDiff || (diff === bestDiff && r < best)) {
      best = r;
      bestDiff = diff;
    }
  }
  return best < 0 ? 0 : best;
}

/** Sums segment statistics, each segment counted `weights[s]` times (all once without weights). */
export function sumStatistics(stats: SegmentStatistics, weights?: Uint8Array): Float64Array {
  const { width, values } = stats;
  const totals = new Float64Array(width);
  for (let s = 0; s < stats.segments; s += 1) {
    const w = weights === undefined ? 1 : weights[s]!;
    if (w === 0) continue;
    for (let j = 0; j < width; j += 1) totals[j]! += w * values[s * width + j]!;
  }
  return totals;
}

export function bleuFromTotals(
  totals: Float64Array,
  maxOrder = BLEU_MAX_ORDER,
  effectiveOrder = false,
): BleuScore {
  const hypLength = totals[0]!;
  const refLength = totals[1]!;
  const counts = Array.from(totals.subarray(2, 2 + maxOrder));
  const ngrams = Array.from(totals.subarray(2 + maxOrder, 2 + 2 * maxOrder));
  const bp = hypLength < refLength ? (hypLength > 0 ? Math.exp(1 - refLength / hypLength) : 0) : 1;
  const ratio = refLength > 0 ? hypLength / refLength : 0;
  const precisions = new Array<number>(maxOrder).fill(0);
  const result = (score: number): BleuScore => ({
    score,
    precisions,
    counts,
    totals: ngrams,
    bp,
    ratio,
    hypLength,
    refLength,
  });
  if (counts.every((c) => c === 0)) return result(0);
  let halvings = 1;
  let order = maxOrder;
  for (let n = 0; n < maxOrder; n += 1) {
    if (ngrams[n] === 0) break;
    if (effectiveOrder) order = n + 1;
    if (counts[n] === 0) {
      halvings *= 2;
      precisions[n] = 100 / (halvings * ngrams[n]!);
    } else precisions[n] = (100 * counts[n]!) / ngrams[n]!;
  }
  // An order with no n-grams keeps precision 0, and ln 0 sends the score to 0.
  if (precisions.slice(0, order).some((p) => p === 0)) return result(0);
  const meanLog = precisions.slice(0, order).reduce((sum, p) => sum + Math.log(p), 0) / order;
  return result(bp * Math.exp(meanLog));
}

export function corpusBleu(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: BleuOptions = {},
): BleuScore {
  const maxOrder = options.maxOrder ?? BLEU_MAX_ORDER;
  const stats = segmentStatistics(hypotheses, references, maxOrder);
  return bleuFromTotals(sumStatistics(stats), maxOrder, options.effectiveOrder ?? false);
}
