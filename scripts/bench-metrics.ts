/**
 * Figures for the model-evidence metrics: a million scored predictions, the AUC
 * with its 95 % bootstrap interval (1,000 resamples), from typed arrays and
 * from CSV text, and against a baseline. Part of `npm run bench`; runs alone
 * with `npx tsx scripts/bench-metrics.ts`. Figures, not assertions.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { bootstrapAuc, bootstrapAucPaired } from '../src/core/metrics/bootstrap-auc';
import { percentileInterval } from '../src/core/metrics/bootstrap';
import { computeMetrics } from '../src/core/metrics/compute-metrics';
import { Xoshiro128 } from '../src/core/metrics/prng';
import { aucOf, rankScores } from '../src/core/metrics/roc-auc';

const N = 1_000_000;
const SETTINGS = { seed: 1, resamples: 1000 };

function measure<T>(label: string, work: () => T): T {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    `${label.padEnd(58)} ${(wall / 1000).toFixed(2).padStart(6)} s  (CPU ${(cpuMs / 1000).toFixed(2)} s)`,
  );
  return result;
}

/** 30 % positives, fixed by the seed. */
function labels(seed: number): Uint8Array {
  const rng = new Xoshiro128(seed);
  return Uint8Array.from({ length: N }, () => (rng.nextOpenUnit() < 0.3 ? 1 : 0));
}

/** A classifier's scores, leaning on the label, with six decimals as in a CSV (so some tie). */
function scoresFor(positive: Uint8Array, seed: number, lean: number): Float64Array {
  const rng = new Xoshiro128(seed);
  return Float64Array.from(
    positive,
    (p) => Math.round((rng.nextOpenUnit() + lean * p) * 1e6) / 1e6,
  );
}

const toCsv = (positive: Uint8Array, scores: Float64Array) => {
  const lines = ['label,score'];
  for (let i = 0; i < positive.length; i += 1) lines.push(`${positive[i]},${scores[i]}`);
  return `${lines.join('\n')}\n`;
};

export function benchMetrics(): void {
  console.log(
    `\nmodel-evidence metrics: ${N.toLocaleString('en-US')} scored predictions, 1,000 resamples`,
  );
  // Other processes on the machine stretch wall time; CPU time is the figure to compare.
  console.log(`  load average ${loadavg()[0]!.toFixed(1)} as this started`);
  const positive = labels(7);
  const model = { positive, scores: scoresFor(positive, 8, 0.5) };
  const rival = { positive, scores: scoresFor(positive, 9, 0.4) };

  const ranking = measure('rank once (radix sort) and AUC', () => {
    const r = rankScores(model.scores, model.positive);
    aucOf(r);
    return r;
  });
  const samples = measure('AUC 95 % interval (1,000 Poisson resamples)', () =>
    bootstrapAuc(ranking, SETTINGS),
  );
  const { interval } = percentileInterval(samples);
  console.log(
    `  AUC ${aucOf(ranking)!.toFixed(4)}, 95 % interval ${interval!.low.toFixed(4)}–${interval!.high.toFixed(4)}`,
  );
  const rivalRanking = rankScores(rival.scores, rival.positive);
  measure('AUC difference against a baseline, paired (1,000)', () =>
    bootstrapAucPaired(ranking, rivalRanking, SETTINGS),
  );

  const text = toCsv(model.positive, model.scores);
  const baseline = toCsv(rival.positive, rival.scores);
  console.log(`  CSV ${(text.length / 1024 / 1024).toFixed(1)} MB`);
  measure('computeMetrics on the CSV: all metrics and intervals', () =>
    computeMetrics({ kind: 'table', file: { name: 'model.csv', text } }),
  );
  measure('computeMetrics with a baseline CSV: also all deltas', () =>
    computeMetrics({
      kind: 'table',
      file: { name: 'model.csv', text },
      baseline: { name: 'baseline.csv', text: baseline },
    }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) benchMetrics();
