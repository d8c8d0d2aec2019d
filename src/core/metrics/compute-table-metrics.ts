import { compareRows } from './baseline-match';
import { bootstrapAuc, bootstrapAucPaired } from './bootstrap-auc';
import { bootstrapConfusion, bootstrapConfusionPaired } from './bootstrap-classification';
import type { BootstrapSettings } from './bootstrap';
import { sortClasses } from './class-labels';
import type { ClassificationScores } from './classification';
import { foldStatistics } from './cross-validation';
import { readEvaluationRows, type EvaluationRows } from './evaluation-rows';
import { problem } from './metrics-problem';
import {
  deltasFrom,
  intervalsFrom,
  type FoldsSummary,
  type MetricName,
  type MetricsFile,
  type MetricsNote,
  type MetricsOutcome,
  type MetricsReport,
} from './metrics-report';
import { rocCurve } from './roc-auc';
import { buildTableModel, pointMetrics, predictedClasses, type TableModel } from './table-model';

export interface TableOptions {
  /** Score files: a score at or above it predicts the positive class. */
  threshold: number;
  /** The positive class of a two-class file, instead of the rule in `choosePositive`. */
  positive?: string;
  bootstrap: BootstrapSettings;
}

/** Metrics of a `label,prediction` or `label,score` CSV (with an optional `fold` column), and against a baseline. */
export function computeTableMetrics(
  file: MetricsFile,
  baselineFile: MetricsFile | null,
  options: TableOptions,
): MetricsOutcome {
  if (!Number.isFinite(options.threshold)) {
    return {
      ok: false,
      problems: [
        problem(file.name, null, null, 'metrics.badThreshold', {
          value: String(options.threshold),
        }),
      ],
    };
  }
  const main = readEvaluationRows(file.text, file.name);
  if (!main.ok) return main;
  const rows = main.rows;
  let baseRows: EvaluationRows | null = null;
  if (baselineFile !== null) {
    const read = readEvaluationRows(baselineFile.text, baselineFile.name);
    if (!read.ok) return read;
    const mismatch = compareRows(rows, read.rows);
    if (mismatch.length > 0) return { ok: false, problems: mismatch };
    baseRows = read.rows;
  }
  const built = buildTableModel(rows, options.positive);
  if (!built.ok) return built;
  const model = built.model;
  const settings = options.bootstrap;
  const notes: MetricsNote[] = [];

  const predicted = predictedClasses(model, rows, options.threshold);
  const point = pointMetrics(model, predicted, rows.scores);
  classificationNotes(point.classification, model, notes);
  const aucDefined = point.ranking !== null && point.values.auc !== null;
  if (point.ranking !== null && !aucDefined) {
    notes.push({
      code: 'auc-undefined',
      missing: point.ranking.positives === 0 ? 'positive' : 'negative',
    });
  }
  const k = model.classes.length;
  const counts = Float64Array.from(point.classification.confusion.flat());
  const intervals = intervalsFrom(
    {
      ...bootstrapConfusion(k, counts, model.positiveIndex, settings),
      ...(aucDefined ? { auc: bootstrapAuc(point.ranking!, settings) } : {}),
    },
    point.values,
    'interval',
    notes,
  );
  if (point.ranking !== null && !aucDefined) intervals.auc = null;

  let baseline: MetricsReport['baseline'] = null;
  let delta: MetricsReport['delta'] = null;
  if (baseRows !== null) {
    const basePredicted = predictedClasses(model, baseRows, options.threshold);
    const basePoint = pointMetrics(model, basePredicted, baseRows.scores);
    baseline = basePoint.values;
    const pairedAuc =
      aucDefined && basePoint.ranking !== null
        ? { auc: bootstrapAucPaired(point.ranking!, basePoint.ranking, settings) }
        : {};
    delta = deltasFrom(
      {
        ...bootstrapConfusionPaired(
          k,
          model.actual,
          predicted,
          basePredicted,
          model.positiveIndex,
          settings,
        ),
        ...pairedAuc,
      },
      point.values,
      baseline,
      notes,
    );
    if (point.ranking !== null && !aucDefined) delta.auc = null;
  }

  return {
    ok: true,
    report: {
      kind:
        rows.folds !== null
          ? 'cross-validation'
          : model.input === 'score'
            ? 'scores'
            : 'classification',
      input: model.input,
      file: file.name,
      baselineFile: baselineFile?.name ?? null,
      n: rows.n,
      values: point.values,
      intervals,
      baseline,
      delta,
      classification: point.classification,
      positive: model.positive,
      threshold: model.input === 'score' ? options.threshold : null,
      roc: point.ranking === null ? null : rocCurve(point.ranking),
      folds: rows.folds === null ? null : foldsSummary(model, predicted, rows, notes),
      bleu: null,
      bootstrap: { ...settings, method: 'poisson', confidence: 0.95 },
      notes,
    },
  };
}

function classificationNotes(
  scores: ClassificationScores,
  model: TableModel,
  notes: MetricsNote[],
): void {
  if (scores.averaging === 'macro') {
    const never = scores.perClass.filter((c) => c.predicted === 0 && c.support > 0);
    if (never.length > 0)
      notes.push({ code: 'never-predicted', classes: never.map((c) => c.label) });
    return;
  }
  if (scores.precision === null) notes.push({ code: 'headline-undefined', metric: 'precision' });
  if (scores.recall === null && model.input === 'score') {
    notes.push({ code: 'headline-undefined', metric: 'recall' });
  }
}

/** Each fold's metrics, then each metric's mean and sample sd over the folds. */
function foldsSummary(
  model: TableModel,
  predicted: Int32Array,
  rows: EvaluationRows,
  notes: MetricsNote[],
): FoldsSummary {
  const folds = rows.folds!;
  const members = new Map<string, number[]>();
  folds.forEach((fold, i) => {
    const list = members.get(fold);
    if (list === undefined) members.set(fold, [i]);
    else list.push(i);
  });
  const perFold = sortClasses(folds).map((fold) => {
    const subset = Int32Array.from(members.get(fold)!);
    const { values } = pointMetrics(model, predicted, rows.scores, subset);
    return { fold, n: subset.length, values };
  });
  const metrics: MetricName[] = ['accuracy', 'precision', 'recall', 'f1'];
  if (model.input === 'score') metrics.push('auc');
  const summary: FoldsSummary['summary'] = {};
  for (const metric of metrics) {
    const values = perFold.map((f) => f.values[metric] ?? null);
    summary[metric] = foldStatistics(values);
    const undefinedIn = perFold
      .filter((f) => (f.values[metric] ?? null) === null)
      .map((f) => f.fold);
    if (undefinedIn.length > 0) notes.push({ code: 'fold-undefined', metric, folds: undefinedIn });
  }
  if (perFold.length === 1) notes.push({ code: 'single-fold' });
  return { perFold, summary };
}
