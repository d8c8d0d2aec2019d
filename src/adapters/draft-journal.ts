import { parseDraftRecord, type DraftRecord } from '../core/draft-record';
import { JOURNAL_KEY } from './journal-key';
import type { KeyValueStorage } from './key-value-storage';

/**
 * The open draft's last change is written to localStorage at once
 * (journal-key.ts), before the database's asynchronous write: a tab closed
 * right after a keystroke can end before the database commits, but not
 * before a synchronous write. This reads it back at the next start, and
 * forgets it once the database holds that save.
 */
export class DraftJournal {
  constructor(private readonly storage: KeyValueStorage | null) {}

  /** Forgets the journal once the database holds this very save (or a later one). */
  settled(record: DraftRecord): void {
    const text = this.storage?.get(JOURNAL_KEY) ?? null;
    if (text === null) return;
    const savedAt = /"savedAt":"([^"]+)"/.exec(text)?.[1];
    if (savedAt !== undefined && savedAt > record.savedAt) return;
    try {
      this.storage?.remove(JOURNAL_KEY);
    } catch {
      // A stale journal is older than the database's copy, and ignored.
    }
  }

  /** The draft written last, if it can still be read. */
  pending(): DraftRecord | null {
    const text = this.storage?.get(JOURNAL_KEY) ?? null;
    if (text === null) return null;
    const parsed = parseDraftRecord(text);
    return parsed.ok ? parsed.value : null;
  }
}
