import { useCallback, useEffect, useRef, useState } from 'react';
import { computeEvidence, type EvidenceRequest } from '../../../adapters/compute-evidence';
import type { MetricsReport } from '../../../core/metrics/metrics-report';
import type { Problem } from '../../../core/problems';
import type { ModelEvidence } from '../../../core/schema';

/** What the rater names before computing: kept with the figures they describe. */
export interface EvidenceNames {
  task: string;
  heldOut: string;
}

export type Computation =
  | { status: 'idle' }
  | { status: 'computing' }
  | { status: 'refused'; problems: Problem[] }
  | { status: 'broken'; message: string }
  | {
      status: 'done';
      report: MetricsReport;
      files: ModelEvidence['files'];
      names: EvidenceNames;
      computedAt: string;
    };

/**
 * Runs one computation at a time off the main thread; a new one, or the panel
 * going away, stops the one before (its worker is ended).
 */
export function useEvidenceComputation() {
  const [state, setState] = useState<Computation>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const run = useCallback((request: EvidenceRequest, names: EvidenceNames) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ status: 'computing' });
    computeEvidence(request, undefined, controller.signal).then(
      (outcome) => {
        if (controller.signal.aborted) return;
        setState(
          outcome.ok
            ? {
                status: 'done',
                report: outcome.report,
                files: outcome.files,
                names,
                computedAt: new Date().toISOString(),
              }
            : { status: 'refused', problems: outcome.problems },
        );
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'broken',
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
  }, []);

  const reset = useCallback(() => {
    running.current?.abort();
    setState({ status: 'idle' });
  }, []);

  return { state, run, reset };
}
