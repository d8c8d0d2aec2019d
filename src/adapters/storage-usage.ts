/** What the browser holds for this site and about how much it allows, in bytes. */
export interface StorageUsage {
  used: number;
  quota: number | null;
}

/** `navigator.storage.estimate()`: the database, caches and all; null where the browser says nothing. */
export async function browserStorageUsage(): Promise<StorageUsage | null> {
  try {
    const estimate = await navigator.storage?.estimate();
    if (estimate?.usage === undefined) return null;
    return { used: estimate.usage, quota: estimate.quota ?? null };
  } catch {
    return null;
  }
}

/**
 * Asks the browser to keep the library when space runs low instead of
 * clearing it as a cache (`navigator.storage.persist()`); the answer, or null
 * where the browser cannot say.
 */
export async function askToPersist(): Promise<boolean | null> {
  try {
    if (navigator.storage?.persist === undefined) return null;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return null;
  }
}
