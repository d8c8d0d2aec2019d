import { problem, type Problem } from '../core/problems';
import type { EvidenceFileRole } from '../core/vocabulary';
import type { EvidenceJob, EvidenceJobOutcome, WorkerReply } from './evidence-job';

/** Evaluation files run to millions of rows; above this a browser tab runs short of memory. */
export const MAX_EVIDENCE_FILE_BYTES = 200 * 1024 * 1024;

/** What the panel hands over: each chosen file with its role. */
export interface ChosenFile {
  role: EvidenceFileRole;
  file: Pick<File, 'name' | 'size' | 'arrayBuffer'>;
}

export type EvidenceRequest =
  { kind: 'table'; files: ChosenFile[]; threshold: number } | { kind: 'text'; files: ChosenFile[] };

/** Runs a job and resolves with its outcome; the panel's tests pass runEvidenceJob itself. */
export type RunJob = (job: EvidenceJob, signal?: AbortSignal) => Promise<EvidenceJobOutcome>;

/**
 * Reads the chosen files in the page (File.arrayBuffer) and computes the
 * metrics in a module worker, the bytes transferred rather than copied. The
 * files are never sent anywhere; only the figures come back.
 */
export async function computeEvidence(
  request: EvidenceRequest,
  run: RunJob = runInWorker,
  signal?: AbortSignal,
): Promise<EvidenceJobOutcome> {
  const tooLarge = request.files.filter(({ file }) => file.size > MAX_EVIDENCE_FILE_BYTES);
  if (tooLarge.length > 0) {
    return {
      ok: false,
      problems: tooLarge.map(({ file }) => ({
        ...problem('(root)', 'file.tooLarge', {
          size: (file.size / 1024 / 1024).toFixed(1),
          max: MAX_EVIDENCE_FILE_BYTES / 1024 / 1024,
        }),
        source: file.name,
      })),
    };
  }
  const files = [];
  const problems: Problem[] = [];
  for (const { role, file } of request.files) {
    try {
      files.push({ role, name: file.name, bytes: await file.arrayBuffer() });
    } catch {
      problems.push({ ...problem('(root)', 'file.unreadable'), source: file.name });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return run(
    request.kind === 'table'
      ? { kind: 'table', files, threshold: request.threshold }
      : { kind: 'text', files },
    signal,
  );
}

/** A worker per job, ended when it answers, or when the panel goes away (`signal`). */
function runInWorker(job: EvidenceJob, signal?: AbortSignal): Promise<EvidenceJobOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./metrics-worker.ts', import.meta.url), {
      type: 'module',
      name: 'moatscore-metrics',
    });
    const done = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      done();
      reject(new DOMException('The computation was stopped', 'AbortError'));
    };
    signal?.addEventListener('abort', abort);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      done();
      const reply = event.data;
      if (reply.ok === 'error') reject(new Error(reply.message));
      else resolve(reply);
    };
    worker.onerror = (event) => {
      done();
      reject(new Error(event.message || 'the metrics worker failed'));
    };
    worker.postMessage(
      job,
      job.files.map((file) => file.bytes),
    );
  });
}
