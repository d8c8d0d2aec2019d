/**
 * Something wrong with an input file, located for a person to fix: the file,
 * the 1-based line (null when the file as a whole is wrong), the column or
 * field when one is to blame, and what is wrong. Reported as data, never thrown.
 */
export interface MetricsProblem {
  file: string;
  line: number | null;
  column: string | null;
  code: ProblemCode;
  /** What the message is made of, so an interface can say it in another language. */
  params: Readonly<Record<string, string | number>>;
  /** The same in English. */
  message: string;
}

export type ProblemCode =
  | 'empty-file'
  | 'no-rows'
  | 'unterminated-quote'
  | 'text-after-quote'
  | 'field-count'
  | 'duplicate-column'
  | 'missing-column'
  | 'both-prediction-and-score'
  | 'empty-value'
  | 'not-a-number'
  | 'unknown-prediction'
  | 'too-many-classes'
  | 'unknown-positive'
  | 'bad-threshold'
  | 'baseline-kind'
  | 'baseline-length'
  | 'baseline-label'
  | 'baseline-fold'
  | 'line-count'
  | 'no-references';

/** More than this many problems in one file are summarised: the first ones show what to fix. */
export const MAX_PROBLEMS = 20;

export function problem(
  file: string,
  line: number | null,
  column: string | null,
  code: ProblemCode,
  params: Readonly<Record<string, string | number>>,
  message: string,
): MetricsProblem {
  return { file, line, column, code, params, message };
}
