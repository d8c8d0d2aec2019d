import { decodeUtf8 } from '../core/decode-text';
import { computeMetrics, type MetricsRequest } from '../core/metrics/compute-metrics';
import type { MetricsReport } from '../core/metrics/metrics-report';
import type { Problem } from '../core/problems';
import type { ModelEvidence } from '../core/schema';
import type { EvidenceFileRole } from '../core/vocabulary';

/** A chosen file's bytes, read in the page and handed over (transferred) to the worker. */
export interface EvidenceJobFile {
  role: EvidenceFileRole;
  name: string;
  bytes: ArrayBuffer;
}

/**
 * What to compute: a CSV (`predictions`, optional `baseline`) or texts
 * (`reference` files, a `candidate`, optional `baseline`) for BLEU.
 */
export type EvidenceJob =
  | { kind: 'table'; files: EvidenceJobFile[]; threshold: number }
  | { kind: 'text'; files: EvidenceJobFile[] };

export type EvidenceJobOutcome =
  | { ok: true; report: MetricsReport; files: ModelEvidence['files'] }
  | { ok: false; problems: Problem[] };

/** What the worker posts back: the outcome, or why the job itself broke (a bug, not a bad file). */
export type WorkerReply = EvidenceJobOutcome | { ok: 'error'; message: string };

/**
 * The work the metrics worker does (metrics-worker.ts), kept apart so tests
 * run it as it is: each file decoded as UTF-8 and fingerprinted (SHA-256),
 * then computeMetrics. Nothing is sent anywhere.
 */
export async function runEvidenceJob(job: EvidenceJob): Promise<EvidenceJobOutcome> {
  const problems: Problem[] = [];
  const texts = job.files.map((file) => {
    const decoded = decodeUtf8(new Uint8Array(file.bytes));
    if (decoded.ok) return { name: file.name, text: decoded.text };
    for (const p of decoded.problems) problems.push({ ...p, source: file.name });
    return { name: file.name, text: '' };
  });
  if (problems.length > 0) return { ok: false, problems };
  const digests = await Promise.all(job.files.map((file) => sha256Hex(file.bytes)));
  const of = (role: EvidenceFileRole) => texts.filter((_, i) => job.files[i]!.role === role);
  const baseline = of('baseline')[0];
  const request: MetricsRequest =
    job.kind === 'table'
      ? {
          kind: 'table',
          file: of('predictions')[0]!,
          threshold: job.threshold,
          ...(baseline === undefined ? {} : { baseline }),
        }
      : {
          kind: 'text',
          references: of('reference'),
          candidate: of('candidate')[0]!,
          ...(baseline === undefined ? {} : { baseline }),
        };
  const outcome = computeMetrics(request);
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    report: outcome.report,
    files: job.files.map((file, i) => ({ role: file.role, name: file.name, sha256: digests[i]! })),
  };
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) throw new Error('WebCrypto is not available here');
  const digest = new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(bytes)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
