/** What went wrong with a write, in the terms the banner and the import message use. */
export type StorageTrouble = 'quota' | 'unavailable';

/**
 * localStorage throws a DOMException named QuotaExceededError; IndexedDB
 * aborts the transaction with one (or, in some browsers, reports it as the
 * transaction's error). Anything else is storage that is not working.
 */
export function storageTroubleOf(error: unknown): StorageTrouble {
  return isQuotaError(error) ? 'quota' : 'unavailable';
}

export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}
