import type { DraftRecord } from '../core/draft-record';
import type { KeyValueStorage } from './key-value-storage';

/** Where the open draft's last change waits until the database holds it (see draft-journal.ts). */
export const JOURNAL_KEY = 'moatscore.journal';

/**
 * Writes the journal: synchronous, and free of the schema library, so it
 * works from the first keystroke, before the database has even opened.
 */
export function journalDraft(storage: KeyValueStorage | null, record: DraftRecord): void {
  try {
    // The stored form of a draft is its JSON (serializeDraftRecord), written here without zod.
    storage?.set(JOURNAL_KEY, JSON.stringify(record));
  } catch {
    // No room: the database's own write is all there is.
  }
}
