import { metricsOf } from '../../../core/model-evidence';
import type { ModelEvidence } from '../../../core/schema';
import type { EvidenceMetric } from '../../../core/vocabulary';
import { metricName } from '../../../i18n/evidence-text';
import { useEvidenceText } from './use-evidence-text';

/** The metric the task is judged by, among those the figures give: the thresholds read this one. */
export function KeyMetricField({
  evidence,
  onChange,
}: {
  evidence: ModelEvidence;
  onChange: (metric: EvidenceMetric) => void;
}) {
  const { et, lang } = useEvidenceText();
  return (
    <div className="field key-metric-field">
      <label htmlFor="evidence-key-metric">{et('card.keyMetric')}</label>
      <p className="hint" id="evidence-key-metric-hint">
        {et('card.keyMetricHint')}
      </p>
      <select
        id="evidence-key-metric"
        aria-describedby="evidence-key-metric-hint"
        value={evidence.keyMetric}
        onChange={(event) => onChange(event.target.value as EvidenceMetric)}
      >
        {metricsOf(evidence.metrics).map((metric) => (
          <option key={metric} value={metric}>
            {metricName(lang, metric)}
          </option>
        ))}
      </select>
    </div>
  );
}
