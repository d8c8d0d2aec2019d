import { EVIDENCE, type Evidence } from '../../core/vocabulary';
import { useI18n } from '../../i18n/i18n-context';

interface Props {
  name: string;
  value: Evidence | null;
  error?: string;
  onChange: (value: Evidence) => void;
  onBlur: () => void;
}

/** How well the rating is backed, each option explained in one line. */
export function EvidenceOptions({ name, value, error, onChange, onBlur }: Props) {
  const { t } = useI18n();
  return (
    <fieldset
      className={`evidence-options${error ? ' has-error' : ''}`}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend>{t('step.evidenceLegend')}</legend>
      {error && (
        <p className="field-error" id={`${name}-error`}>
          <span className="visually-hidden">{t('error.prefix')}</span>
          {error}
        </p>
      )}
      <div className="evidence-choices">
        {EVIDENCE.map((evidence, i) => {
          const id = i === 0 ? name : `${name}-${evidence}`;
          return (
            <label key={evidence} className={`evidence-choice evidence-${evidence}`} htmlFor={id}>
              <input
                type="radio"
                id={id}
                name={name}
                value={evidence}
                checked={value === evidence}
                onChange={() => onChange(evidence)}
                onBlur={onBlur}
                aria-describedby={`${id}-hint`}
              />
              <span>
                <span className="evidence-name">{t(`evidence.${evidence}`)}</span>
                <span className="hint" id={`${id}-hint`}>
                  {t(`evidence.${evidence}.hint`)}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
