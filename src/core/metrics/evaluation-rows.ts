import { parseDecimal } from './class-labels';
import { readCsv, withSummary } from './csv-reader';
import { MAX_PROBLEMS, problem, type MetricsProblem, type ProblemCode } from './metrics-problem';

/**
 * The rows of an evaluation CSV, checked. Its header names the columns (any
 * case, any order; other columns are ignored):
 * - `label`: the true class of the item;
 * - `prediction`: the predicted class, one of the labels, or `score`: a number,
 *   higher meaning more likely positive (two classes only);
 * - `fold`, optional: which cross-validation fold the row was held out in.
 */
export interface EvaluationRows {
  file: string;
  n: number;
  /** The 1-based line of each row. */
  lines: Int32Array;
  labels: string[];
  predictions: string[] | null;
  scores: Float64Array | null;
  folds: string[] | null;
}

export type RowsResult =
  { ok: true; rows: EvaluationRows } | { ok: false; problems: MetricsProblem[] };

export function readEvaluationRows(text: string, file: string): RowsResult {
  const csv = readCsv(text, file);
  if (!csv.ok) return csv;
  const { header, columns, lines, rows } = csv.table;
  const find = (name: string) => header.findIndex((h) => h.toLowerCase() === name);
  const headerProblem = (code: ProblemCode, params: Record<string, string>, message: string) => ({
    ok: false as const,
    problems: [problem(file, 1, null, code, params, message)],
  });
  const names = header.map((h) => h.toLowerCase());
  const duplicate = names.find((name, i) => name !== '' && names.indexOf(name) !== i);
  if (duplicate !== undefined) {
    return headerProblem(
      'duplicate-column',
      { column: duplicate },
      `the column "${duplicate}" appears twice`,
    );
  }
  const [labelAt, predictionAt, scoreAt, foldAt] = ['label', 'prediction', 'score', 'fold'].map(
    find,
  ) as [number, number, number, number];
  const found = header.join(', ');
  if (labelAt < 0) {
    return headerProblem(
      'missing-column',
      { column: 'label', header: found },
      `no "label" column (the header has: ${found})`,
    );
  }
  if (predictionAt < 0 && scoreAt < 0) {
    return headerProblem(
      'missing-column',
      { column: 'prediction', header: found },
      `no "prediction" or "score" column (the header has: ${found})`,
    );
  }
  if (predictionAt >= 0 && scoreAt >= 0) {
    return headerProblem(
      'both-prediction-and-score',
      {},
      'both a "prediction" and a "score" column: keep the one to evaluate',
    );
  }
  if (rows === 0) {
    return headerProblem('no-rows', {}, 'no rows after the header');
  }

  const problems: MetricsProblem[] = [];
  let more = 0;
  const report = (
    r: number,
    column: string,
    code: ProblemCode,
    params: Record<string, string>,
    message: string,
  ) => {
    if (problems.length < MAX_PROBLEMS)
      problems.push(problem(file, lines[r]!, column, code, params, message));
    else more += 1;
  };
  const cells = (at: number, column: string): string[] => {
    const values = columns[at]!.map((v) => v.trim());
    values.forEach((v, r) => {
      if (v === '') report(r, column, 'empty-value', { column }, `empty ${column}`);
    });
    return values;
  };

  const labels = cells(labelAt, 'label');
  const folds = foldAt >= 0 ? cells(foldAt, 'fold') : null;
  let predictions: string[] | null = null;
  let scores: Float64Array | null = null;
  if (predictionAt >= 0) {
    predictions = cells(predictionAt, 'prediction');
    const known = new Set(labels);
    predictions.forEach((p, r) => {
      if (p !== '' && !known.has(p)) {
        report(
          r,
          'prediction',
          'unknown-prediction',
          { value: p },
          `the prediction "${p}" is not one of the labels in the file`,
        );
      }
    });
  } else {
    const raw = columns[scoreAt]!;
    scores = new Float64Array(rows);
    for (let r = 0; r < rows; r += 1) {
      const value = parseDecimal(raw[r]!);
      if (value === null) {
        report(
          r,
          'score',
          'not-a-number',
          { value: raw[r]!.trim() },
          `the score "${raw[r]!.trim()}" is not a number`,
        );
      } else scores[r] = value;
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line! - b.line!);
    return { ok: false, problems: withSummary(problems, more) };
  }
  return { ok: true, rows: { file, n: rows, lines, labels, predictions, scores, folds } };
}
