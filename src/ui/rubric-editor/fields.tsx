import type { ReactNode } from 'react';
import type { Lang } from '../../core/vocabulary';
import { useI18n } from '../../i18n/i18n-context';
import type { TextPair } from './rubric-form';

/** Each language named in itself, as language pickers do; not translated. */
const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', zh: '中文' };
const LANGS: readonly Lang[] = ['en', 'zh'];

interface BilingualFieldProps {
  /** Base id; the inputs are `${id}-en` and `${id}-zh`. */
  id: string;
  legend: string;
  value: TextPair;
  onChange: (next: TextPair) => void;
  hint?: string;
  multiline?: boolean;
  optional?: boolean;
  /** Ids of elements that name the surrounding group (e.g. "Level 3"), read before the legend. */
  context?: string;
}

/** One piece of rubric text with its English and Chinese side by side (stacked when narrow). */
export function BilingualField({
  id,
  legend,
  value,
  onChange,
  hint,
  multiline = false,
  optional = false,
  context,
}: BilingualFieldProps) {
  const { t } = useI18n();
  const legendId = `${id}-legend`;
  const hintId = `${id}-hint`;
  return (
    <fieldset className="field rubric-editor-bilingual">
      <legend id={legendId}>
        {legend}
        {optional && <span className="optional"> {t('form.optional')}</span>}
      </legend>
      {hint !== undefined && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="rubric-editor-pair">
        {LANGS.map((lang) => {
          const inputId = `${id}-${lang}`;
          const labelId = `${inputId}-label`;
          const common = {
            id: inputId,
            lang,
            value: value[lang],
            'aria-labelledby': [context, legendId, labelId].filter(Boolean).join(' '),
            'aria-describedby': hint !== undefined ? hintId : undefined,
          };
          return (
            <div key={lang} className="rubric-editor-lang">
              <label htmlFor={inputId} id={labelId} lang={lang}>
                {LANGUAGE_NAMES[lang]}
              </label>
              {multiline ? (
                <textarea
                  {...common}
                  rows={3}
                  onChange={(event) => onChange({ ...value, [lang]: event.target.value })}
                />
              ) : (
                <input
                  {...common}
                  type="text"
                  onChange={(event) => onChange({ ...value, [lang]: event.target.value })}
                />
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  hint?: ReactNode;
  /** Numbers are typed as text with a decimal keypad: type="number" fights editing. */
  numeric?: boolean;
  className?: string;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  hint,
  numeric = false,
  className,
}: TextFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <div className={`field${className === undefined ? '' : ` ${className}`}`}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        id={id}
        type="text"
        value={value}
        autoComplete="off"
        spellCheck={false}
        inputMode={numeric ? 'decimal' : undefined}
        aria-describedby={hint !== undefined ? hintId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
