import { runEvidenceJob, type EvidenceJob, type WorkerReply } from './evidence-job';

/**
 * The metrics worker: a module worker Vite emits as its own same-origin file,
 * so it runs under the app's CSP (script-src 'self'). A million rows and a
 * thousand bootstrap resamples take seconds; here they do not freeze the page.
 * One job per worker: the page makes a worker per job and ends it after.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<EvidenceJob>) => void) | null;
  postMessage: (message: WorkerReply) => void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  runEvidenceJob(event.data).then(
    (outcome) => scope.postMessage(outcome),
    (error: unknown) =>
      scope.postMessage({
        ok: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
