/**
 * How labels become classes. A label is the cell's text with surrounding
 * spaces trimmed, compared exactly: `Cat` and `cat` are two classes, and so are
 * `1` and `1.0` (a prediction written `1.0` against labels written `1` is then
 * reported as a prediction that is not a label, rather than guessed at).
 */

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number as written in a CSV cell, or null: no hex, no `Infinity`, no empty cell. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/**
 * Classes in a fixed order: numerically when every label is a number (so 2
 * comes before 10), else by UTF-16 code units (locale-independent, so the
 * order and the positive class are the same on every machine).
 */
export function sortClasses(labels: Iterable<string>): string[] {
  const classes = [...new Set(labels)];
  const numbers = classes.map(parseDecimal);
  if (numbers.every((n) => n !== null)) {
    return classes
      .map((label, i) => ({ label, n: numbers[i]! }))
      .sort((a, b) => a.n - b.n || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
      .map((c) => c.label);
  }
  return classes.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const POSITIVE_NAMES = new Set(['1', 'true', 'yes', 'y', 'positive', 'pos']);
const NEGATIVE_NAMES = new Set(['0', '-1', 'false', 'no', 'n', 'negative', 'neg']);

/** Which rule picked the positive class, so a report can say why. */
export type PositiveRule = 'option' | 'named' | 'sorted';

export interface PositiveChoice {
  /** The positive class; null when no label in the file is positive (one class, named negative). */
  label: string | null;
  rule: PositiveRule;
}

/**
 * The positive class of a two-class problem:
 * 1. the one asked for (`--positive`), if any;
 * 2. else the one label named like a positive (`1`, `true`, `yes`, `y`,
 *    `positive`, `pos`, any case), or the other one when exactly one label is
 *    named like a negative (`0`, `-1`, `false`, `no`, `n`, `negative`, `neg`);
 * 3. else the second label in sorted order (`dog` against `cat`, `spam` against `ham`).
 * With a single class: it is the positive one when named like one; otherwise
 * the file has no positives (so recall and AUC are undefined, and say so).
 * Returns null when `requested` is not one of two labels.
 */
export function choosePositive(
  classes: readonly string[],
  requested: string | undefined,
): PositiveChoice | null {
  const named = (names: Set<string>) => classes.filter((c) => names.has(c.toLowerCase()));
  if (requested !== undefined) {
    if (classes.length === 2 && !classes.includes(requested)) return null;
    return { label: requested, rule: 'option' };
  }
  const positives = named(POSITIVE_NAMES);
  const negatives = named(NEGATIVE_NAMES);
  if (classes.length === 1) {
    return { label: positives.length === 1 ? positives[0]! : null, rule: 'named' };
  }
  if (positives.length === 1) return { label: positives[0]!, rule: 'named' };
  if (negatives.length === 1) {
    return { label: classes.find((c) => c !== negatives[0])!, rule: 'named' };
  }
  return { label: classes[1]!, rule: 'sorted' };
}
