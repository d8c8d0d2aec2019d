import { LOCALES } from '../../i18n/t';
import type { ImportOutcome } from '../../adapters/import-assessments';
import { useI18n } from '../../i18n/i18n-context';

/** What an import did, as it is: saved, kept in this tab only, or nothing at all and why. */
export function ImportOutcomeNotice({ outcome }: { outcome: ImportOutcome }) {
  const { t, lang } = useI18n();
  if (outcome.kind === 'saved') {
    return (
      <p className="banner banner-info" role="status" data-testid="import-outcome">
        {t('library.imported', { count: outcome.count })}
      </p>
    );
  }
  const megabytes = (bytes: number) => formatBytes(bytes, LOCALES[lang]);
  const { usage } = outcome;
  const message =
    outcome.trouble === 'quota'
      ? t('import.refusedFull', {
          used: usage === null ? '?' : megabytes(usage.used),
          quota: usage?.quota == null ? '?' : megabytes(usage.quota),
        })
      : outcome.trouble === 'damaged-record'
        ? t('import.refusedDamaged')
        : t('import.refusedUnavailable');
  return (
    <p className="banner banner-error" role="alert" data-testid="import-outcome">
      {message}
    </p>
  );
}

/** KB, MB or GB, whichever reads best: a nearly empty store does not read "0 MB". */
export function formatBytes(bytes: number, locale: string): string {
  const [unit, size] =
    bytes >= 1024 ** 3
      ? ['GB', bytes / 1024 ** 3]
      : bytes >= 1024 ** 2
        ? ['MB', bytes / 1024 ** 2]
        : ['KB', bytes / 1024];
  return `${size.toLocaleString(locale, { maximumFractionDigits: 1 })} ${unit}`;
}
