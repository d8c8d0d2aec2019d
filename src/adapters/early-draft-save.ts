import type { DraftRecord } from '../core/draft-record';
import { draftKey } from './draft-keys';
import type { KeyValueStorage } from './key-value-storage';

/**
 * Saves a draft opened before the draft store has loaded (it loads after the
 * first screen, with the schema library), so a reload a moment later still
 * finds it. Only a key nothing is stored under is written: an existing record,
 * perhaps a damaged one, waits for the store, which knows what it may overwrite.
 */
export function saveBeforeStoreLoads(
  storage: KeyValueStorage | null,
  record: DraftRecord,
): boolean {
  if (storage === null) return false;
  const key = draftKey(record.assessment.id);
  try {
    if (storage.get(key) !== null) return false;
    // The stored form is the record's JSON (serializeDraftRecord), written here without zod.
    storage.set(key, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}
