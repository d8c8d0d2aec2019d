import { useI18n } from '../../i18n/i18n-context';

interface Props {
  /** Also what an error summary's link focuses. */
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password';
  autoComplete?: string;
}

/** A labelled text field with its hint and its error, as the start screen lays them out. */
export function TeamField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  type = 'text',
  autoComplete,
}: Props) {
  const { t } = useI18n();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [hint === undefined ? undefined : hintId, error === undefined ? undefined : errorId]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div className={`field${error === undefined ? '' : ' has-error'}`}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">{t('error.prefix')}</span>
          {error}
        </p>
      )}
      <input
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        spellCheck={false}
        autoCapitalize="none"
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
