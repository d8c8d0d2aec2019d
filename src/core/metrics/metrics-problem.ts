import type { Problem, ProblemParams } from '../problems';
import type { MetricsCode } from './metrics-problem-codes';

/**
 * Something wrong with an evaluation file, as one of the app's problems: the
 * file is its `source`, the 1-based `line` travels beside the path (absent
 * when the file as a whole is wrong), and the path names the column when one
 * is to blame. Worded in `src/i18n/problems.*.json` like every other problem,
 * so the CLI and the browser say it the same way: `file:line: column: what`.
 * Reported as data, never thrown.
 */
export type MetricsProblem = Problem & { source: string };

/** The codes an evaluation file can earn (an empty file is the app's `file.empty`). */
export type MetricsProblemCode = MetricsCode | 'file.empty';

/** More than this many problems in one file are summarised: the first ones show what to fix. */
export const MAX_PROBLEMS = 20;

export function problem(
  file: string,
  line: number | null,
  column: string | null,
  code: MetricsProblemCode,
  params: ProblemParams = {},
): MetricsProblem {
  return {
    path: column ?? '(root)',
    code,
    params,
    source: file,
    ...(line === null ? {} : { line }),
  };
}

/** The first problems in full, then one line counting the rest. */
export function withSummary(problems: MetricsProblem[], more: number): MetricsProblem[] {
  if (more === 0) return problems;
  const last = problems[problems.length - 1]!;
  return [...problems, problem(last.source, null, null, 'metrics.moreLikeThese', { count: more })];
}
