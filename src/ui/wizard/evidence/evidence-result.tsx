import { lazy, Suspense, useState } from 'react';
import { defaultKeyMetric, evidenceFromReport } from '../../../core/evidence-from-report';
import type { Criterion, Level, ModelEvidence } from '../../../core/schema';
import type { EvidenceMetric } from '../../../core/vocabulary';
import { formatFigure } from '../../../i18n/evidence-text';
import { Loading } from '../../components/loading';
import { EvidenceSuggestion } from './evidence-suggestion';
import { KeyMetricField } from './key-metric-field';
import { MetricsCard } from './metrics-card';
import type { Computation } from './use-evidence-computation';

// chart.js comes with the curve, only for score files.
const RocChart = lazy(() => import('./roc-chart'));

interface Props {
  criterion: Criterion;
  done: Extract<Computation, { status: 'done' }>;
  full: boolean;
  /** Records the evidence; `accept` is the level to choose (and mark verified), or null. */
  onRecord: (evidence: ModelEvidence, accept: Level | null) => void;
}

/** The computed figures as the answer would keep them, and what the rubric makes of them. */
export function EvidenceResult({ criterion, done, full, onRecord }: Props) {
  const [keyMetric, setKeyMetric] = useState<EvidenceMetric>(() => defaultKeyMetric(done.report));
  const evidence = evidenceFromReport(done.report, {
    ...done.names,
    keyMetric,
    files: done.files,
    computedAt: done.computedAt,
  });
  const auc = evidence.metrics.auc;
  const record = (level: Level | null, accepted: boolean) =>
    onRecord(
      { ...evidence, suggestedLevel: level?.value ?? null, accepted },
      accepted ? level : null,
    );
  return (
    <div className="evidence-result">
      <MetricsCard evidence={evidence} report={done.report} />
      {evidence.roc !== null && auc !== undefined && (
        <Suspense fallback={<Loading />}>
          <RocChart roc={evidence.roc} auc={formatFigure('auc', auc.value)} />
        </Suspense>
      )}
      <KeyMetricField evidence={evidence} onChange={setKeyMetric} />
      <EvidenceSuggestion
        criterion={criterion}
        evidence={evidence}
        full={full}
        onAccept={(level) => record(level, true)}
        onRecord={(level) => record(level, false)}
      />
    </div>
  );
}
