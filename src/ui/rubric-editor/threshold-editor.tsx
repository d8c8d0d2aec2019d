import type { EvidenceMetric } from '../../core/vocabulary';
import { EVIDENCE_METRICS } from '../../core/vocabulary';
import { evidenceText, metricName, type EvidenceKey } from '../../i18n/evidence-text';
import { useI18n } from '../../i18n/i18n-context';
import { TextField } from './fields';
import { fieldId, NEW_THRESHOLD, type ThresholdForm } from './rubric-form';

interface Props {
  /** The level's base id; inputs follow the file's path (`…-evidenceThreshold-delta`). */
  levelId: string;
  /** Names the level ("Level 4"), read before each control's own label. */
  context: string;
  threshold: ThresholdForm | undefined;
  onChange: (next: ThresholdForm | undefined) => void;
}

type Flag = 'baseline' | 'lowerBoundAboveZero';
type NumberKey = 'minItems' | 'min' | 'delta';

/**
 * The part of a level's wording that model evidence can meet: which key
 * metrics count, how many held-out items, the metric and its gain over a
 * baseline in points. The wizard suggests a level only from these.
 */
export function ThresholdEditor({ levelId, context, threshold, onChange }: Props) {
  const { lang } = useI18n();
  const t = (key: EvidenceKey) => evidenceText(lang, key);
  const id = (key: string) => fieldId(levelId, ['evidenceThreshold', key]);
  const toggleId = id('on');
  const set = (change: Partial<ThresholdForm>) =>
    threshold !== undefined && onChange({ ...threshold, ...change });
  const toggleMetric = (metric: EvidenceMetric, on: boolean) =>
    set({
      metrics: on
        ? [...(threshold?.metrics ?? []), metric]
        : (threshold?.metrics ?? []).filter((m) => m !== metric),
    });
  const flag = (key: Flag, label: string) => (
    <label className="choice">
      <input
        id={id(key)}
        type="checkbox"
        checked={threshold?.[key] === true}
        // Unticked goes back to leaving the flag out, as the preset files do.
        onChange={(event) => set({ [key]: event.target.checked ? true : undefined })}
      />
      {label}
    </label>
  );

  const number = (key: NumberKey, label: string) => (
    <TextField
      id={id(key)}
      label={label}
      value={threshold?.[key] ?? ''}
      numeric
      onChange={(value) => set({ [key]: value })}
    />
  );

  return (
    <fieldset className="field rubric-editor-threshold" id={id('group')}>
      <legend>{t('editor.threshold')}</legend>
      <label className="choice">
        <input
          id={toggleId}
          type="checkbox"
          aria-describedby={context}
          checked={threshold !== undefined}
          onChange={(event) => onChange(event.target.checked ? { ...NEW_THRESHOLD } : undefined)}
        />
        {t('editor.thresholdOn')}
      </label>
      {threshold !== undefined && (
        <>
          <fieldset className="field" id={id('metrics')}>
            <legend>{t('editor.thresholdMetrics')}</legend>
            <div className="rubric-editor-metrics">
              {EVIDENCE_METRICS.map((metric) => (
                <label key={metric} className="choice">
                  <input
                    type="checkbox"
                    checked={threshold.metrics.includes(metric)}
                    onChange={(event) => toggleMetric(metric, event.target.checked)}
                  />
                  {metricName(lang, metric)}
                </label>
              ))}
            </div>
          </fieldset>
          {number('minItems', t('editor.thresholdMinItems'))}
          {number('min', t('editor.thresholdMin'))}
          {flag('baseline', t('editor.thresholdBaseline'))}
          {number('delta', t('editor.thresholdDelta'))}
          {flag('lowerBoundAboveZero', t('editor.thresholdAboveZero'))}
        </>
      )}
    </fieldset>
  );
}
