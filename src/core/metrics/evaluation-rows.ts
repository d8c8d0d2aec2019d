import { parseDecimal } from './class-labels';
import { readCsv } from './csv-reader';
import {
  MAX_PROBLEMS,
  problem,
  withSummary,
  type MetricsProblem,
  type MetricsProblemCode,
} from './metrics-problem';

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
  const headerProblem = (code: MetricsProblemCode, params: Record<string, string> = {}) => ({
    ok: false as const,
    problems: [problem(file, 1, null, code, params)],
  });
  const names = header.map((h) => h.toLowerCase());
  const duplicate = names.find((name, i) => name !== '' && names.indexOf(name) !== i);
  if (duplicate !== undefined) {
    return headerProblem('metrics.duplicateColumn', { column: duplicate });
  }
  const [labelAt, predictionAt, scoreAt, foldAt] = ['label', 'prediction', 'score', 'fold'].map(
    find,
  ) as [number, number, number, number];
  const found = header.join(', ');
  if (labelAt < 0) {
    return headerProblem('metrics.noLabelColumn', { header: found });
  }
  if (predictionAt < 0 && scoreAt < 0) {
    return headerProblem('metrics.noOutputColumn', { header: found });
  }
  if (predictionAt >= 0 && scoreAt >= 0) {
    return headerProblem('metrics.predictionAndScore');
  }
  if (rows === 0) {
    return headerProblem('metrics.noRows');
  }

  const problems: MetricsProblem[] = [];
  let more = 0;
  const report = (
    r: number,
    column: string,
    code: MetricsProblemCode,
    params: Record<string, string>,
  ) => {
    if (problems.length < MAX_PROBLEMS)
      problems.push(problem(file, lines[r]!, column, code, params));
    else more += 1;
  };
  const cells = (at: number, column: string): string[] => {
    const values = columns[at]!.map((v) => v.trim());
    values.forEach((v, r) => {
      if (v === '') report(r, column, 'metrics.emptyValue', { column });
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
        report(r, 'prediction', 'metrics.unknownPrediction', { value: p });
      }
    });
  } else {
    const raw = columns[scoreAt]!;
    scores = new Float64Array(rows);
    for (let r = 0; r < rows; r += 1) {
      const value = parseDecimal(raw[r]!);
      if (value === null) {
        report(r, 'score', 'metrics.notANumber', { value: raw[r]!.trim() });
      } else scores[r] = value;
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line! - b.line!);
    return { ok: false, problems: withSummary(problems, more) };
  }
  return { ok: true, rows: { file, n: rows, lines, labels, predictions, scores, folds } };
}
