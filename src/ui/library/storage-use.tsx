import { useEffect, useState } from 'react';
import { browserStorageUsage, type StorageUsage } from '../../adapters/storage-usage';
import { useI18n } from '../../i18n/i18n-context';
import { formatBytes } from '../components/import-outcome-notice';

/** What the library takes in this browser, and how much the browser allows. */
export function StorageUse({ revision }: { revision: number }) {
  const { t, locale } = useI18n();
  const [usage, setUsage] = useState<StorageUsage | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void browserStorageUsage().then((found) => live && setUsage(found));
    void navigator.storage
      ?.persisted?.()
      .then((kept) => live && setPersisted(kept))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [revision]);
  if (usage === null) return null;
  return (
    <p className="hint" data-testid="storage-use">
      {usage.quota === null
        ? t('library.storageUsed', { used: formatBytes(usage.used, locale) })
        : t('library.storageUse', {
            used: formatBytes(usage.used, locale),
            quota: formatBytes(usage.quota, locale),
          })}{' '}
      {persisted === true && t('library.storagePersisted')}
      {persisted === false && t('library.storageBestEffort')}
    </p>
  );
}
