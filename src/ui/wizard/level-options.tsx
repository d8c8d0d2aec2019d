import type { Criterion } from '../../core/schema';
import { useI18n } from '../../i18n/i18n-context';

interface Props {
  criterion: Criterion;
  name: string;
  value: number | null;
  error?: string;
  legend: string;
  /** The level the company's stage expects, marked on its card. */
  expected?: { value: number; tag: string };
  onChange: (value: number) => void;
  onBlur: () => void;
}

/**
 * The levels as a native radio group of cards: arrow keys move and select
 * within the group, Tab leaves it, and the legend names the question.
 */
export function LevelOptions({
  criterion,
  name,
  value,
  error,
  legend,
  expected,
  onChange,
  onBlur,
}: Props) {
  const { t, local } = useI18n();
  return (
    <fieldset
      className={`level-options${error ? ' has-error' : ''}`}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend>{legend}</legend>
      {error && (
        <p className="field-error" id={`${name}-error`}>
          <span className="visually-hidden">{t('error.prefix')}</span>
          {error}
        </p>
      )}
      <div className="level-cards">
        {criterion.levels.map((level, i) => {
          const id = i === 0 ? name : `${name}-${i}`;
          return (
            <label key={level.value} className="level-card" htmlFor={id}>
              <input
                type="radio"
                id={id}
                name={name}
                value={level.value}
                checked={value === level.value}
                onChange={() => onChange(level.value)}
                onBlur={onBlur}
                aria-describedby={`${id}-descriptor`}
              />
              <span className="level-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="level-text">
                <span className="level-label">
                  <span className="visually-hidden">
                    {t('step.levelOf', { level: i + 1, count: criterion.levels.length })}{' '}
                  </span>
                  {local(level.label)}
                  {expected?.value === level.value && (
                    <>
                      {' '}
                      <span className="expected-tag">{expected.tag}</span>
                    </>
                  )}
                </span>
                <span className="level-descriptor" id={`${id}-descriptor`}>
                  {local(level.descriptor)}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
