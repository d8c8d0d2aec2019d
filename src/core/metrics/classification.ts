/**
 * Classification metrics from a confusion matrix, for any number of classes.
 *
 * For class c, with TP its correct predictions, FP the other classes' items
 * predicted as c and FN the c items predicted as something else:
 *
 *   precision = TP / (TP + FP)          undefined (null) when c is never predicted
 *   recall    = TP / (TP + FN)          undefined when c never occurs
 *   F1        = 2 TP / (2 TP + FP + FN) the harmonic mean of precision and recall,
 *                                       written so that it is 0, not undefined, when
 *                                       one of them is undefined and the other is 0
 *   accuracy  = Σ_c TP_c / n
 *
 * Averages (scikit-learn's definitions, https://scikit-learn.org/stable/modules/model_evaluation.html#precision-recall-f-measure-metrics):
 * - macro: the plain mean over the classes that occur in the labels or the
 *   predictions, an undefined precision or recall counting as 0 (scikit-learn's
 *   `zero_division=0`); every class weighs the same, however rare.
 * - micro: from the summed counts; with one label per item this is the accuracy.
 *
 * The headline precision, recall and F1 are the positive class's when there
 * are exactly two classes, else the macro averages.
 */
export interface ClassScores {
  label: string;
  /** Items whose label is this class. */
  support: number;
  /** Items predicted as this class. */
  predicted: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface AverageScores {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Headline extends AverageScores {
  accuracy: number | null;
}

export interface ClassificationScores extends Headline {
  classes: string[];
  /** `confusion[actual][predicted]`, classes in the order of `classes`. */
  confusion: number[][];
  perClass: ClassScores[];
  macro: AverageScores;
  micro: AverageScores;
  averaging: 'binary' | 'macro';
  /** The positive class of a two-class problem; null for macro averaging. */
  positive: string | null;
}

/** Counts (or bootstrap weights) as a k × k matrix, row = actual class, column = predicted. */
export function confusionCounts(
  k: number,
  actual: Int32Array,
  predicted: Int32Array,
): Float64Array {
  const counts = new Float64Array(k * k);
  for (let i = 0; i < actual.length; i += 1) counts[actual[i]! * k + predicted[i]!]! += 1;
  return counts;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

function classScores(k: number, counts: Float64Array, c: number) {
  let support = 0;
  let predicted = 0;
  for (let j = 0; j < k; j += 1) {
    support += counts[c * k + j]!;
    predicted += counts[j * k + c]!;
  }
  const tp = counts[c * k + c]!;
  const fp = predicted - tp;
  const fn = support - tp;
  return {
    support,
    predicted,
    precision: ratio(tp, predicted),
    recall: ratio(tp, support),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
  };
}

function macroOf(k: number, counts: Float64Array): AverageScores {
  let present = 0;
  let precision = 0;
  let recall = 0;
  let f1 = 0;
  for (let c = 0; c < k; c += 1) {
    const s = classScores(k, counts, c);
    if (s.support + s.predicted === 0) continue;
    present += 1;
    precision += s.precision ?? 0;
    recall += s.recall ?? 0;
    f1 += s.f1 ?? 0;
  }
  if (present === 0) return { precision: null, recall: null, f1: null };
  return { precision: precision / present, recall: recall / present, f1: f1 / present };
}

function accuracyOf(k: number, counts: Float64Array): number | null {
  let total = 0;
  let correct = 0;
  for (let a = 0; a < k; a += 1) {
    for (let p = 0; p < k; p += 1) total += counts[a * k + p]!;
    correct += counts[a * k + a]!;
  }
  return ratio(correct, total);
}

/**
 * Only the headline figures: what a bootstrap resample needs, a thousand times.
 * `positive` is the positive class's index for two classes, or −1 for macro averaging.
 */
export function headlineOf(k: number, counts: Float64Array, positive: number): Headline {
  const accuracy = accuracyOf(k, counts);
  if (positive < 0) return { accuracy, ...macroOf(k, counts) };
  const s = classScores(k, counts, positive);
  return { accuracy, precision: s.precision, recall: s.recall, f1: s.f1 };
}

export function scoreConfusion(
  classes: readonly string[],
  counts: Float64Array,
  positive: number,
): ClassificationScores {
  const k = classes.length;
  const accuracy = accuracyOf(k, counts);
  const perClass = classes.map((label, c) => ({ label, ...classScores(k, counts, c) }));
  const headline = headlineOf(k, counts, positive);
  return {
    classes: [...classes],
    confusion: classes.map((_, a) => Array.from(counts.subarray(a * k, (a + 1) * k))),
    accuracy,
    perClass,
    macro: macroOf(k, counts),
    micro: { precision: accuracy, recall: accuracy, f1: accuracy },
    averaging: positive < 0 ? 'macro' : 'binary',
    positive: positive < 0 ? null : classes[positive]!,
    precision: headline.precision,
    recall: headline.recall,
    f1: headline.f1,
  };
}
