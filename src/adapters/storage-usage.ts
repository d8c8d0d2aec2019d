import type { KeyValueStorage } from './key-value-storage';

/** What the store holds and about how much it can, in bytes (quota null when unknown). */
export interface StorageUsage {
  used: number;
  quota: number | null;
}

/**
 * Browsers give localStorage about 5 M UTF-16 characters an origin (Chromium
 * and Firefox alike) and say nothing of it through `navigator.storage`.
 */
const LOCAL_STORAGE_QUOTA_CHARS = 5 * 1024 * 1024;

export function keyValueUsage(storage: KeyValueStorage): StorageUsage {
  let chars = 0;
  for (const key of storage.keys()) chars += key.length + (storage.get(key)?.length ?? 0);
  return { used: chars * 2, quota: LOCAL_STORAGE_QUOTA_CHARS * 2 };
}
