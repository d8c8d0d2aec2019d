import type { EvaluationRows } from './evaluation-rows';
import { MAX_PROBLEMS, problem, withSummary, type MetricsProblem } from './metrics-problem';

/**
 * A baseline file must hold the same items as the model's file, in the same
 * order (row r of one is row r of the other): the same number of rows, the
 * same label (and fold) on each, and the same kind of output. Paired
 * resampling is only meaningful when the rows pair up.
 */
export function compareRows(model: EvaluationRows, baseline: EvaluationRows): MetricsProblem[] {
  const file = baseline.file;
  const kind = (rows: EvaluationRows) => (rows.scores !== null ? 'score' : 'prediction');
  if (kind(model) !== kind(baseline) || (model.folds === null) !== (baseline.folds === null)) {
    // Column names, as the files' headers write them.
    const describe = (rows: EvaluationRows) =>
      `label, ${kind(rows)}${rows.folds === null ? '' : ', fold'}`;
    return [
      problem(file, 1, null, 'metrics.baselineKind', {
        model: describe(model),
        baseline: describe(baseline),
      }),
    ];
  }
  if (model.n !== baseline.n) {
    return [
      problem(file, null, null, 'metrics.baselineLength', {
        model: model.n,
        baseline: baseline.n,
        modelFile: model.file,
      }),
    ];
  }
  const problems: MetricsProblem[] = [];
  let more = 0;
  const check = (column: 'label' | 'fold', a: readonly string[], b: readonly string[]) => {
    for (let r = 0; r < a.length; r += 1) {
      if (a[r] === b[r]) continue;
      if (problems.length >= MAX_PROBLEMS) {
        more += 1;
        continue;
      }
      problems.push(
        problem(
          file,
          baseline.lines[r]!,
          column,
          column === 'label' ? 'metrics.baselineLabel' : 'metrics.baselineFold',
          { value: b[r]!, expected: a[r]!, modelFile: model.file, modelLine: model.lines[r]! },
        ),
      );
    }
  };
  check('label', model.labels, baseline.labels);
  if (model.folds !== null && baseline.folds !== null) check('fold', model.folds, baseline.folds);
  return withSummary(problems, more);
}
