import { withSummary } from './csv-reader';
import type { EvaluationRows } from './evaluation-rows';
import { MAX_PROBLEMS, problem, type MetricsProblem } from './metrics-problem';

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
    const describe = (rows: EvaluationRows) =>
      `${kind(rows)}${rows.folds === null ? '' : ' and fold'}`;
    return [
      problem(
        file,
        1,
        null,
        'baseline-kind',
        { model: describe(model), baseline: describe(baseline) },
        `the baseline has ${describe(baseline)} columns, the model's file ${describe(model)}: compare like with like`,
      ),
    ];
  }
  if (model.n !== baseline.n) {
    return [
      problem(
        file,
        null,
        null,
        'baseline-length',
        { model: model.n, baseline: baseline.n, modelFile: model.file },
        `${baseline.n} rows, but ${model.file} has ${model.n}: a baseline holds the same items in the same order`,
      ),
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
          column === 'label' ? 'baseline-label' : 'baseline-fold',
          { value: b[r]!, expected: a[r]!, modelFile: model.file, modelLine: model.lines[r]! },
          `"${b[r]!}" where ${model.file} line ${model.lines[r]!} has "${a[r]!}": rows must pair up`,
        ),
      );
    }
  };
  check('label', model.labels, baseline.labels);
  if (model.folds !== null && baseline.folds !== null) check('fold', model.folds, baseline.folds);
  return withSummary(problems, more);
}
