/** The table `npm run bench:server` prints for one run: requests/s and latencies, overall and per op. */
import { OPS, type Sample } from './bench-server-load';

/** Nearest rank: the smallest sample that at least p % of the samples do not exceed. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(1)).padStart(8);

export function printTable(samples: readonly Sample[], seconds: number): void {
  console.log(
    `  ${'op'.padEnd(11)} ${'requests'.padStart(8)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'errors'.padStart(6)}`,
  );
  const line = (label: string, list: readonly Sample[]) => {
    const sorted = list.map((s) => s.ms).sort((a, b) => a - b);
    const errors = list.filter((s) => !s.ok).length;
    console.log(
      `  ${label.padEnd(11)} ${String(list.length).padStart(8)} ${(list.length / seconds).toFixed(1).padStart(7)} ${ms(percentile(sorted, 50))} ${ms(percentile(sorted, 95))} ${ms(percentile(sorted, 99))} ${ms(sorted.at(-1) ?? NaN)} ${String(errors).padStart(6)}`,
    );
  };
  line('all', samples);
  for (const op of OPS)
    line(
      op,
      samples.filter((s) => s.op === op),
    );
}
