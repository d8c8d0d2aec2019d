import { choosePositive, sortClasses, type PositiveChoice } from './class-labels';
import { scoreConfusion, type ClassificationScores } from './classification';
import type { EvaluationRows } from './evaluation-rows';
import { problem, type MetricsProblem } from './metrics-problem';
import type { MetricValues } from './metrics-report';
import { aucOf, rankScores, type Ranking } from './roc-auc';

/**
 * An evaluation file turned into class indices: the form every metric and
 * every resample reads. For score files the classes are [negative, positive]
 * and the prediction is `score ≥ threshold`.
 */
export interface TableModel {
  input: 'prediction' | 'score';
  /** Class names in confusion-matrix order. */
  classes: string[];
  positive: PositiveChoice | null;
  /** The headline class's index in `classes`, or −1 for macro averages. */
  positiveIndex: number;
  /** Each row's true class, as an index into `classes`. */
  actual: Int32Array;
  /** Score files: 1 for a positive row. */
  isPositive: Uint8Array | null;
}

export type ModelResult =
  { ok: true; model: TableModel } | { ok: false; problems: MetricsProblem[] };

export function buildTableModel(rows: EvaluationRows, requested: string | undefined): ModelResult {
  const labelClasses = sortClasses(rows.labels);
  const refuse = (
    code: 'metrics.tooManyClasses' | 'metrics.unknownPositive' | 'metrics.positiveNeedsTwo',
  ) => ({
    ok: false as const,
    problems: [
      problem(rows.file, null, 'label', code, {
        classes: labelClasses.join(', '),
        count: labelClasses.length,
        requested: requested ?? '',
      }),
    ],
  });
  if (rows.predictions !== null) {
    const index = new Map(labelClasses.map((c, i) => [c, i]));
    let positive: PositiveChoice | null = null;
    if (labelClasses.length === 2) {
      positive = choosePositive(labelClasses, requested);
      if (positive === null) return refuse('metrics.unknownPositive');
    } else if (requested !== undefined) {
      return refuse('metrics.positiveNeedsTwo');
    }
    return {
      ok: true,
      model: {
        input: 'prediction',
        classes: labelClasses,
        positive,
        positiveIndex: positive === null ? -1 : index.get(positive.label!)!,
        actual: Int32Array.from(rows.labels, (l) => index.get(l)!),
        isPositive: null,
      },
    };
  }
  if (labelClasses.length > 2) {
    return refuse('metrics.tooManyClasses');
  }
  const positive = choosePositive(labelClasses, requested);
  if (positive === null) return refuse('metrics.unknownPositive');
  const isPositive = Uint8Array.from(rows.labels, (l) => (l === positive.label ? 1 : 0));
  return {
    ok: true,
    model: {
      input: 'score',
      classes: binaryNames(labelClasses, positive.label),
      positive,
      positiveIndex: 1,
      actual: Int32Array.from(isPositive),
      isPositive,
    },
  };
}

/** [negative, positive]; a class missing from the file is named as the other's complement. */
function binaryNames(classes: readonly string[], positive: string | null): string[] {
  const other = classes.find((c) => c !== positive);
  if (positive === null) return [classes[0]!, `not ${classes[0]!}`];
  return [other ?? `not ${positive}`, positive];
}

/** Each row's predicted class index: the named class, or positive when the score reaches the threshold. */
export function predictedClasses(
  model: TableModel,
  rows: EvaluationRows,
  threshold: number,
): Int32Array {
  if (rows.scores !== null) return Int32Array.from(rows.scores, (s) => (s >= threshold ? 1 : 0));
  const index = new Map(model.classes.map((c, i) => [c, i]));
  return Int32Array.from(rows.predictions!, (p) => index.get(p)!);
}

export interface PointMetrics {
  values: MetricValues;
  classification: ClassificationScores;
  ranking: Ranking | null;
}

/** The metrics of all rows, or of the rows listed in `subset` (one fold). */
export function pointMetrics(
  model: TableModel,
  predicted: Int32Array,
  scores: Float64Array | null,
  subset?: Int32Array,
): PointMetrics {
  const k = model.classes.length;
  const counts = new Float64Array(k * k);
  const rows = subset ?? Int32Array.from({ length: model.actual.length }, (_, i) => i);
  for (const i of rows) counts[model.actual[i]! * k + predicted[i]!]! += 1;
  const classification = scoreConfusion(model.classes, counts, model.positiveIndex);
  const values: MetricValues = {
    accuracy: classification.accuracy,
    precision: classification.precision,
    recall: classification.recall,
    f1: classification.f1,
  };
  let ranking: Ranking | null = null;
  if (scores !== null && model.isPositive !== null) {
    const picked = subset === undefined ? scores : Float64Array.from(rows, (i) => scores[i]!);
    const positives =
      subset === undefined ? model.isPositive : Uint8Array.from(rows, (i) => model.isPositive![i]!);
    ranking = rankScores(picked, positives);
    values.auc = aucOf(ranking);
  }
  return { values, classification, ranking };
}
