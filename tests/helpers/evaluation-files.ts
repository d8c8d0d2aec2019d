/**
 * A two-class evaluation file with known counts, for hand-computed figures:
 * `n` items, the first half positive ("1"); `right` items of each class are
 * scored on the right side of 0.5 and the rest on the wrong side. So at the
 * threshold 0.5, TP = TN = right and FP = FN = n/2 − right, and
 * precision = recall = F1 = right / (n/2).
 *
 * Scores: a right positive 0.9, a wrong one 0.2; a right negative 0.1, a
 * wrong one 0.8. Every positive at 0.9 outranks every negative, a positive at
 * 0.2 outranks only the right negatives, so with h = n/2 and w = h − right,
 * AUC = (right · h + w · right) / h².
 */
export function scoreCsv(n: number, right: number): string {
  const half = n / 2;
  const rows = Array.from({ length: n }, (_, i) => {
    const positive = i < half;
    const correct = i % half < right;
    const score = positive ? (correct ? 0.9 : 0.2) : correct ? 0.1 : 0.8;
    return `${positive ? 1 : 0},${score}`;
  });
  return `label,score\r\n${rows.join('\r\n')}\r\n`;
}
