/**
 * What can be wrong with an evaluation file (a CSV table, text segments), as
 * problem codes worded in `src/i18n/problems.*.json` like every other. Apart
 * from PROBLEM_CODES: only model evidence and the CLI read these files.
 */
export const METRICS_PROBLEM_CODES = [
  'metrics.unterminatedQuote',
  'metrics.textAfterQuote',
  'metrics.fieldCount',
  'metrics.noRows',
  'metrics.duplicateColumn',
  'metrics.noLabelColumn',
  'metrics.noOutputColumn',
  'metrics.predictionAndScore',
  'metrics.emptyValue',
  'metrics.notANumber',
  'metrics.unknownPrediction',
  'metrics.tooManyClasses',
  'metrics.unknownPositive',
  'metrics.positiveNeedsTwo',
  'metrics.badThreshold',
  'metrics.baselineKind',
  'metrics.baselineLength',
  'metrics.baselineLabel',
  'metrics.baselineFold',
  'metrics.lineCount',
  'metrics.noReferences',
  'metrics.moreLikeThese',
] as const;
export type MetricsCode = (typeof METRICS_PROBLEM_CODES)[number];
