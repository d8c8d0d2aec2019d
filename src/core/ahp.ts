/**
 * Analytic Hierarchy Process (Saaty): weights from pairwise comparisons.
 *
 * `matrix[i][j]` says how much more important item i is than item j on
 * Saaty's 1/9…9 scale. The matrix is reciprocal (`a_ji = 1 / a_ij`) with 1 on
 * the diagonal. The weights are its principal eigenvector; the consistency
 * ratio says how far the comparisons contradict each other (above 0.10 the
 * usual advice is to revisit them).
 */

/** Saaty's random consistency index RI for n = 1..10 (RANDOM_INDEX[n - 1]). */
export const RANDOM_INDEX: readonly number[] = Object.freeze([
  0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49,
]);

/** A consistency ratio above this means the comparisons should be revisited. */
export const CONSISTENCY_LIMIT = 0.1;

/** Saaty's intensities of "A more important than B", from extremely (9) to equally (1, not listed). */
export const SAATY_INTENSITIES = [9, 8, 7, 6, 5, 4, 3, 2] as const;

/** The values of Saaty's fundamental scale, from "A extremely more important" to "B extremely more important". */
export const SAATY_SCALE: readonly number[] = Object.freeze([
  ...SAATY_INTENSITIES,
  1,
  ...[...SAATY_INTENSITIES].reverse().map((v) => 1 / v),
]);

export interface AhpResult {
  /** Principal eigenvector, normalised to sum to 1; every weight is positive. */
  weights: number[];
  lambdaMax: number;
  /** CI = (λmax − n) / (n − 1); 0 for n = 1. */
  consistencyIndex: number;
  /** CR = CI / RI(n); null when RI(n) is 0 (n ≤ 2: always consistent) or not tabulated (n > 10). */
  consistencyRatio: number | null;
}

const RECIPROCAL_TOLERANCE = 1e-9;
const CONVERGENCE = 1e-12;
const MAX_ITERATIONS = 1000;

/** Weights, λmax, CI and CR of a pairwise comparison matrix; throws on a malformed matrix. */
export function ahpWeights(matrix: number[][]): AhpResult {
  checkMatrix(matrix);
  const n = matrix.length;
  const multiply = (w: readonly number[]) =>
    matrix.map((row) => row.reduce((sum, a, j) => sum + a * w[j]!, 0));

  // Power iteration: a positive matrix has a unique positive principal
  // eigenvector (Perron), and the iteration converges to it from any positive start.
  let w: number[] = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = normalise(multiply(w));
    const change = Math.max(...next.map((x, i) => Math.abs(x - w[i]!)));
    w = next;
    if (change < CONVERGENCE) break;
  }

  const aw = multiply(w);
  const lambdaMax = aw.reduce((sum, x, i) => sum + x / w[i]!, 0) / n;
  // λmax ≥ n holds exactly for positive reciprocal matrices; anything below is rounding.
  const consistencyIndex = n === 1 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const ri = RANDOM_INDEX[n - 1] ?? 0;
  const consistencyRatio = ri === 0 ? null : consistencyIndex / ri;
  return { weights: w, lambdaMax, consistencyIndex, consistencyRatio };
}

/**
 * The full reciprocal matrix from the upper triangle a user edits:
 * `upper[i][j]` for j > i (null or missing means "equally important", 1).
 * Entries on or below the diagonal are ignored.
 */
export function reciprocalMatrix(
  upper: readonly (readonly (number | null)[])[],
  n: number,
): number[][] {
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`a comparison matrix needs at least one item; got n = ${n}`);
  }
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const value = upper[i]?.[j] ?? 1;
      if (!Number.isFinite(value) || value <= 0) {
        throw new Error(
          `comparison of item ${i + 1} with item ${j + 1} must be a positive number; got ${value}`,
        );
      }
      matrix[i]![j] = value;
      matrix[j]![i] = 1 / value;
    }
  }
  return matrix;
}

/**
 * Weights as percentages with two decimals that sum to exactly 100 (largest
 * remainder rounding on hundredths), so a rubric validator accepts them.
 * Every positive weight keeps at least 0.01, since rubric weights must be positive.
 */
export function weightsToPercent(weights: readonly number[]): number[] {
  if (weights.length === 0) throw new Error('there are no weights to scale');
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0) {
      throw new Error(`weight ${i + 1} must be a finite number of at least 0; got ${w}`);
    }
  });
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) throw new Error('the weights sum to 0; at least one must be positive');
  const positives = weights.filter((w) => w > 0).length;
  const UNITS = 10_000; // hundredths of a percent
  if (positives > UNITS) throw new Error(`cannot give ${positives} weights at least 0.01 each`);

  const exact = weights.map((w) => (w / total) * UNITS);
  const units = exact.map(Math.floor);
  let left = UNITS - units.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, remainder: x - Math.floor(x) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    units[i]! += 1;
    left -= 1;
  }
  // A tiny positive weight must not round to 0: take its hundredth from the largest.
  weights.forEach((w, i) => {
    if (w > 0 && units[i] === 0) {
      const largest = units.indexOf(Math.max(...units));
      units[largest]! -= 1;
      units[i] = 1;
    }
  });
  return units.map((u) => u / 100);
}

function normalise(values: readonly number[]): number[] {
  const sum = values.reduce((a, b) => a + b, 0);
  return values.map((x) => x / sum);
}

function checkMatrix(matrix: unknown): asserts matrix is number[][] {
  if (!Array.isArray(matrix) || matrix.length === 0) {
    throw new Error('the comparison matrix must be a non-empty array of rows');
  }
  const n = matrix.length;
  matrix.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== n) {
      throw new Error(
        `the comparison matrix must be square: row ${i + 1} has ${Array.isArray(row) ? row.length : 'no'} entries, expected ${n}`,
      );
    }
    row.forEach((a: unknown, j) => {
      if (typeof a !== 'number' || !Number.isFinite(a) || a <= 0) {
        throw new Error(
          `entry [${i}][${j}] of the comparison matrix must be a positive number; got ${String(a)}`,
        );
      }
    });
  });
  const rows = matrix as number[][];
  for (let i = 0; i < n; i++) {
    if (Math.abs(rows[i]![i]! - 1) > RECIPROCAL_TOLERANCE) {
      throw new Error(`the diagonal must be 1: entry [${i}][${i}] is ${rows[i]![i]}`);
    }
    for (let j = i + 1; j < n; j++) {
      const a = rows[i]![j]!;
      const b = rows[j]![i]!;
      if (Math.abs(a * b - 1) > RECIPROCAL_TOLERANCE) {
        throw new Error(
          `the matrix must be reciprocal: entry [${i}][${j}] is ${a} but [${j}][${i}] is ${b}, not 1/${a}`,
        );
      }
    }
  }
}
