import { isQuotaError } from './storage-trouble';

/** The little of localStorage we use, so tests and the memory fallback can stand in for it. */
export interface KeyValueStorage {
  get(key: string): string | null;
  /** Throws when the browser refuses the write (quota full, storage disabled). */
  set(key: string, value: string): void;
  remove(key: string): void;
  keys(): string[];
}

/** localStorage, or null when the browser forbids it (private modes, blocked cookies). */
export function browserStorage(): KeyValueStorage | null {
  let storage: Storage;
  try {
    storage = window.localStorage;
    const probe = 'moatscore.probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
  } catch (error) {
    // A full store still reads: keep it, and let writes report the quota.
    if (!isQuotaError(error)) return null;
    storage = window.localStorage;
  }
  return {
    get: (key) => storage.getItem(key),
    set: (key, value) => storage.setItem(key, value),
    remove: (key) => storage.removeItem(key),
    keys: () =>
      Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
        (k): k is string => k !== null,
      ),
  };
}

export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage {
  const map = new Map(Object.entries(initial));
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
    keys: () => [...map.keys()],
  };
}
