import { parseDecimal } from '../core/metrics/class-labels';
import { computeMetrics, type MetricsRequest } from '../core/metrics/compute-metrics';
import type { MetricsFile, MetricsReport } from '../core/metrics/metrics-report';
import type { RocCurve } from '../core/metrics/roc-auc';
import { LANGS, type Lang } from '../core/vocabulary';
import { EXIT_INVALID, EXIT_OK, InputError, type CliIo } from './cli-io';
import { formatMetrics } from './format-metrics';
import { choice, rejectUnknownFlags, UsageError, type ParsedArgs } from './parse-args';
import { problemLine } from '../i18n/problem-text';
import { printJson, printLines } from './terminal-output';

export const METRICS_USAGE = `  moatscore metrics FILE [--baseline FILE] [--threshold 0.5] [--positive LABEL]
                    [--seed 1] [--json] [--lang en|zh]
                                                    accuracy, precision, recall, F1 (and AUC) of a
                                                    label,prediction or label,score CSV; a fold
                                                    column adds the mean and sd over folds
  moatscore metrics --bleu REF... CANDIDATE [--baseline CANDIDATE] [--seed 1]
                    [--json] [--lang en|zh]         corpus BLEU, one segment a line`;

/** Options of `metrics` that take a value. */
export const METRICS_VALUED_FLAGS = ['baseline', 'threshold', 'positive', 'seed'] as const;

/** Evaluation files run to millions of rows: far above the cap for assessment files. */
export const METRICS_MAX_BYTES = 256 * 1024 * 1024;

/** At most this many ROC points go into JSON: enough to draw the curve; the AUC uses them all. */
const ROC_POINTS = 1000;

export function metricsCommand(args: ParsedArgs, io: CliIo): number {
  const bleu = args.flags.has('bleu');
  rejectUnknownFlags(
    args.flags,
    bleu
      ? ['bleu', 'baseline', 'seed', 'json', 'lang']
      : ['baseline', 'threshold', 'positive', 'seed', 'json', 'lang'],
  );
  const lang: Lang = choice(args.flags, 'lang', LANGS, 'en');
  const seed = numberFlag(args, 'seed');
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) {
    throw new UsageError('--seed must be a whole number from 0 to 4294967295');
  }
  const threshold = numberFlag(args, 'threshold');
  const positive = stringFlag(args, 'positive');
  const baselinePath = stringFlag(args, 'baseline');
  if (bleu ? args.files.length < 2 : args.files.length !== 1) {
    throw new UsageError(
      bleu
        ? 'metrics --bleu needs the reference file(s), then the candidate file'
        : 'metrics needs exactly one CSV file (or --bleu REF CANDIDATE)',
    );
  }

  const paths = [...args.files, ...(baselinePath === undefined ? [] : [baselinePath])];
  const texts = new Map<string, MetricsFile>();
  let unreadable = false;
  for (const path of paths) {
    try {
      texts.set(path, { name: path, text: io.readText(path, METRICS_MAX_BYTES) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      printLines(io, [problemLine(error.problem, lang, error.path)], 'err');
      unreadable = true;
    }
  }
  if (unreadable) return EXIT_INVALID;
  const file = (path: string) => texts.get(path)!;
  const baseline = baselinePath === undefined ? {} : { baseline: file(baselinePath) };
  const bootstrap = seed === undefined ? {} : { bootstrap: { seed } };
  const request: MetricsRequest = bleu
    ? {
        kind: 'text',
        references: args.files.slice(0, -1).map(file),
        candidate: file(args.files[args.files.length - 1]!),
        ...baseline,
        ...bootstrap,
      }
    : {
        kind: 'table',
        file: file(args.files[0]!),
        ...baseline,
        ...bootstrap,
        ...(threshold === undefined ? {} : { threshold }),
        ...(positive === undefined ? {} : { positive }),
      };

  const outcome = computeMetrics(request);
  if (!outcome.ok) {
    printLines(
      io,
      outcome.problems.map((p) => problemLine(p, lang)),
      'err',
    );
    return EXIT_INVALID;
  }
  if (args.flags.has('json')) printJson(io, metricsJson(outcome.report));
  else printLines(io, formatMetrics(outcome.report, lang));
  return EXIT_OK;
}

function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

function numberFlag(args: ParsedArgs, name: string): number | undefined {
  const text = stringFlag(args, name);
  if (text === undefined) return undefined;
  const value = parseDecimal(text);
  if (value === null) throw new UsageError(`--${name} must be a number, not "${text}"`);
  return value;
}

/**
 * The JSON of `metrics --json`: the headline metrics at the top level, then
 * the details. Metrics that do not apply are absent; undefined ones are null.
 */
export function metricsJson(report: MetricsReport): Record<string, unknown> {
  const out: Record<string, unknown> = {
    file: report.file,
    kind: report.kind,
    n: report.n,
    ...report.values,
    ci: report.intervals,
  };
  const c = report.classification;
  if (c !== null) {
    Object.assign(out, {
      averaging: c.averaging,
      positive: report.positive?.label ?? null,
      positiveRule: report.positive?.rule ?? null,
      classes: c.classes,
      confusion: c.confusion,
      perClass: c.perClass,
      macro: c.macro,
      micro: c.micro,
    });
  }
  if (report.threshold !== null) out.threshold = report.threshold;
  if (report.roc !== null) Object.assign(out, rocJson(report.roc));
  if (report.bleu !== null) {
    const { score: _score, ...details } = report.bleu;
    out.bleuDetails = { ...details, signature: 'case:mixed|eff:no|tok:13a|smooth:exp' };
  }
  if (report.folds !== null) {
    out.folds = Object.fromEntries(
      Object.entries(report.folds.summary).map(([m, f]) => [
        m,
        f === null ? null : { mean: f.mean, sd: f.sd, folds: f.folds },
      ]),
    );
    out.perFold = report.folds.perFold;
  }
  if (report.delta !== null) {
    Object.assign(out, {
      baselineFile: report.baselineFile,
      baseline: report.baseline,
      delta: report.delta,
    });
  }
  out.notes = report.notes;
  out.bootstrap = report.bootstrap;
  return out;
}

/** The curve as arrays, thinned to about ROC_POINTS for drawing; +∞, the first threshold, as null. */
function rocJson(roc: RocCurve): Record<string, unknown> {
  const total = roc.fpr.length;
  const stride = Math.max(1, Math.ceil((total - 1) / ROC_POINTS));
  const keep: number[] = [];
  for (let i = 0; i < total; i += stride) keep.push(i);
  if (keep[keep.length - 1] !== total - 1) keep.push(total - 1);
  const pick = (values: Float64Array) =>
    keep.map((i) => (Number.isFinite(values[i]!) ? values[i]! : null));
  return {
    roc: { fpr: pick(roc.fpr), tpr: pick(roc.tpr), thresholds: pick(roc.thresholds) },
    ...(stride > 1 ? { rocPoints: total } : {}),
  };
}
