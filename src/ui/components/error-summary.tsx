import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n-context';

export interface FieldError {
  /** Id of the element the link moves focus to. */
  target: string;
  message: string;
}

/**
 * The list of problems shown after a failed Continue. It takes focus (and so
 * is read out) each time `attempt` changes; each link focuses its field.
 */
export function ErrorSummary({ errors, attempt }: { errors: FieldError[]; attempt: number }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      className="error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{t('error.summaryTitle')}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.target}>
            <a
              href={`#${error.target}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(error.target)?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
