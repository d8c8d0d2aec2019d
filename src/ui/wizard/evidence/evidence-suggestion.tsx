import {
  levelSupportedByEvidence,
  thresholdConditions,
  type ThresholdCondition,
} from '../../../core/evidence-level';
import { levelIndexOf } from '../../../core/rubric-index';
import type { Criterion, Level, ModelEvidence } from '../../../core/schema';
import { MAX_MODEL_EVIDENCE, type EvidenceMetric, type Lang } from '../../../core/vocabulary';
import { evidenceText, formatGain, formatPoints, metricName } from '../../../i18n/evidence-text';
import { useI18n } from '../../../i18n/i18n-context';
import { useEvidenceText } from './use-evidence-text';

interface Props {
  criterion: Criterion;
  evidence: ModelEvidence;
  /** The answer holds as many evaluations as it may: nothing more can be recorded. */
  full: boolean;
  /** Records the evidence, accepted, with the level it supports; only on the rater's click. */
  onAccept: (level: Level) => void;
  /** Records the figures, leaving the level and the evidence tag as they are. */
  onRecord: (level: Level | null) => void;
}

/**
 * What the rubric's thresholds make of the figures: each level's conditions,
 * met or not, and the level they support (levelSupportedByEvidence). The
 * rater accepts it, or records the figures alone; nothing is chosen silently.
 */
export function EvidenceSuggestion({ criterion, evidence, full, onAccept, onRecord }: Props) {
  const { local } = useI18n();
  const { et, lang } = useEvidenceText();
  const level = levelSupportedByEvidence(criterion, evidence);
  const number = (l: Level) => levelIndexOf(criterion, l.value) + 1;
  return (
    <div className="evidence-suggestion" data-testid="evidence-suggestion">
      <h3>{et('suggest.title')}</h3>
      <ul className="threshold-levels">
        {criterion.levels.map((l) =>
          l.evidenceThreshold === undefined ? null : (
            <li key={l.value}>
              <span className="threshold-level">
                {et('suggest.levelName', { level: number(l), label: local(l.label) })}
              </span>
              <ul className="threshold-conditions">
                {thresholdConditions(l.evidenceThreshold, evidence).map((condition) => (
                  <li key={condition.kind} className={condition.met ? 'met' : 'unmet'}>
                    <span aria-hidden="true" className="condition-mark">
                      {condition.met ? '✓' : '✗'}
                    </span>{' '}
                    <span className="visually-hidden">
                      {et(condition.met ? 'cond.met' : 'cond.unmet')}:{' '}
                    </span>
                    {conditionText(condition, lang, evidence.keyMetric)}
                  </li>
                ))}
              </ul>
            </li>
          ),
        )}
      </ul>
      <p className="suggestion-text" data-testid="evidence-level">
        <strong>
          {level === null
            ? et('suggest.none')
            : et('suggest.level', { level: number(level), label: local(level.label) })}
        </strong>{' '}
        {level !== null && et('suggest.check')}
      </p>
      {full ? (
        <p className="banner banner-info">{et('action.full', { max: MAX_MODEL_EVIDENCE })}</p>
      ) : (
        <div className="actions">
          {level !== null && (
            <button type="button" className="button primary" onClick={() => onAccept(level)}>
              {et('action.accept', { level: number(level) })}
            </button>
          )}
          <button type="button" className="button secondary" onClick={() => onRecord(level)}>
            {et('action.record')}
          </button>
        </div>
      )}
    </div>
  );
}

/** One condition in words, with what the figures show against it. */
function conditionText(
  condition: ThresholdCondition,
  lang: Lang,
  keyMetric: EvidenceMetric,
): string {
  const points = (x: number | null) => (x === null ? '—' : formatPoints(x));
  switch (condition.kind) {
    case 'metric':
      return evidenceText(lang, 'cond.metric', { metric: metricName(lang, condition.found) });
    case 'minItems':
      return evidenceText(lang, 'cond.minItems', {
        required: condition.required.toLocaleString('en-US'),
        found: condition.found.toLocaleString('en-US'),
      });
    case 'baseline':
      return evidenceText(lang, 'cond.baseline');
    case 'min':
      return evidenceText(lang, 'cond.min', {
        metric: metricName(lang, keyMetric),
        required: condition.required,
        found: points(condition.found),
      });
    case 'delta':
      return evidenceText(lang, 'cond.delta', {
        required: condition.required,
        found: condition.found === null ? '—' : formatGain(condition.found),
      });
    case 'lowerBoundAboveZero':
      return evidenceText(lang, 'cond.lowerBound', {
        found: condition.found === null ? '—' : formatGain(condition.found),
      });
  }
}
