import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context';

/**
 * What the server said went wrong, in the error summary's look. Unlike the
 * field summary it links nowhere: there is no field to fix. It takes focus
 * (and so is read out) each time `attempt` changes.
 */
export function FailureSummary({
  attempt,
  children,
}: {
  attempt: number;
  /** Nothing: no failure to show. */
  children: ReactNode;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const shown = children !== null && children !== undefined && children !== false;
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (!shown) return null;
  return (
    <div
      ref={ref}
      className="error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
      data-testid="failure-summary"
    >
      <h2 id={titleId}>{t('error.summaryTitle')}</h2>
      {children}
    </div>
  );
}
