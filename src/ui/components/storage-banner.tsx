import type { StorageTrouble } from '../../adapters/storage-trouble';
import { useI18n } from '../../i18n/i18n-context';

/** Says plainly that edits live only in this tab until storage works again. */
export function StorageBanner({ trouble }: { trouble: StorageTrouble | null }) {
  const { t } = useI18n();
  if (trouble === null) return null;
  return (
    <div className="banner banner-warning" role="status">
      <strong>{t(trouble === 'quota' ? 'storage.quotaTitle' : 'storage.unavailableTitle')}</strong>{' '}
      {t('storage.inMemory')}
    </div>
  );
}
