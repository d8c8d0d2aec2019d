import { bleuFromTotals, segmentStatistics, sumStatistics } from './bleu';
import { bootstrapBleu } from './bootstrap-bleu';
import type { BootstrapSettings } from './bootstrap';
import { problem, type MetricsProblem } from './metrics-problem';
import {
  deltasFrom,
  intervalsFrom,
  type MetricsFile,
  type MetricsNote,
  type MetricsOutcome,
} from './metrics-report';
import { readSegments } from './text-segments';

/**
 * Corpus BLEU of a candidate file against one or more reference files (one
 * segment a line, line i of each file being the same segment), with its 95 %
 * interval, and against a baseline candidate of the same segments.
 */
export function computeTextMetrics(
  references: readonly MetricsFile[],
  candidate: MetricsFile,
  baselineFile: MetricsFile | null,
  bootstrap: BootstrapSettings,
): MetricsOutcome {
  if (references.length === 0) {
    return fail([problem(candidate.name, null, null, 'metrics.noReferences')]);
  }
  const hypotheses = readSegments(candidate.text);
  if (hypotheses.length === 0) {
    return fail([problem(candidate.name, null, null, 'file.empty')]);
  }
  const problems: MetricsProblem[] = [];
  const sameLength = (file: MetricsFile, segments: readonly string[]) => {
    if (segments.length === hypotheses.length) return;
    problems.push(
      problem(
        file.name,
        Math.min(segments.length, hypotheses.length) + 1,
        null,
        'metrics.lineCount',
        { lines: segments.length, expected: hypotheses.length, other: candidate.name },
      ),
    );
  };
  const streams = references.map((file) => {
    const segments = readSegments(file.text);
    sameLength(file, segments);
    return segments;
  });
  const baselineSegments = baselineFile === null ? null : readSegments(baselineFile.text);
  if (baselineFile !== null) sameLength(baselineFile, baselineSegments!);
  if (problems.length > 0) return fail(problems);

  const stats = segmentStatistics(hypotheses, streams);
  const bleu = bleuFromTotals(sumStatistics(stats), stats.maxOrder);
  const notes: MetricsNote[] = [];
  const values = { bleu: bleu.score };
  const intervals = intervalsFrom(
    { bleu: bootstrapBleu(stats, null, bootstrap) },
    values,
    'interval',
    notes,
  );
  let baseline = null;
  let delta = null;
  if (baselineSegments !== null) {
    const baseStats = segmentStatistics(baselineSegments, streams);
    baseline = { bleu: bleuFromTotals(sumStatistics(baseStats), baseStats.maxOrder).score };
    delta = deltasFrom(
      { bleu: bootstrapBleu(stats, baseStats, bootstrap) },
      values,
      baseline,
      notes,
    );
  }
  return {
    ok: true,
    report: {
      kind: 'bleu',
      input: 'text',
      file: candidate.name,
      baselineFile: baselineFile?.name ?? null,
      n: hypotheses.length,
      values,
      intervals,
      baseline,
      delta,
      classification: null,
      positive: null,
      threshold: null,
      roc: null,
      folds: null,
      bleu,
      bootstrap: { ...bootstrap, method: 'poisson', confidence: 0.95 },
      notes,
    },
  };
}

const fail = (problems: MetricsProblem[]): MetricsOutcome => ({ ok: false, problems });
