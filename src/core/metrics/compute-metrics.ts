import { DEFAULT_BOOTSTRAP, type BootstrapSettings } from './bootstrap';
import { computeTableMetrics } from './compute-table-metrics';
import { computeTextMetrics } from './compute-text-metrics';
import type { MetricsFile, MetricsOutcome } from './metrics-report';

/**
 * The one entry point: plain data in, plain data out, no I/O, so the CLI
 * reads files and the browser runs it in a Web Worker (adapters/metrics-worker.ts).
 *
 * - `table`: a CSV whose header says what it is: `label,prediction`
 *   (classification, any number of classes), `label,score` (two classes,
 *   ranked), either with a `fold` column (cross-validation);
 * - `text`: reference files and a candidate file, one segment a line (BLEU).
 *
 * With a baseline (the same items, another model) every metric also gets its
 * difference and a 95 % paired bootstrap interval. Problems with the files are
 * returned, never thrown.
 */
export type MetricsRequest =
  | {
      kind: 'table';
      file: MetricsFile;
      baseline?: MetricsFile;
      /** Default 0.5. */
      threshold?: number;
      positive?: string;
      bootstrap?: Partial<BootstrapSettings>;
    }
  | {
      kind: 'text';
      references: MetricsFile[];
      candidate: MetricsFile;
      baseline?: MetricsFile;
      bootstrap?: Partial<BootstrapSettings>;
    };

export const DEFAULT_THRESHOLD = 0.5;

export function computeMetrics(request: MetricsRequest): MetricsOutcome {
  const bootstrap = { ...DEFAULT_BOOTSTRAP, ...request.bootstrap };
  if (request.kind === 'text') {
    return computeTextMetrics(
      request.references,
      request.candidate,
      request.baseline ?? null,
      bootstrap,
    );
  }
  return computeTableMetrics(request.file, request.baseline ?? null, {
    threshold: request.threshold ?? DEFAULT_THRESHOLD,
    ...(request.positive === undefined ? {} : { positive: request.positive }),
    bootstrap,
  });
}
