import { parseDraftRecord, serializeDraftRecord, type DraftRecord } from '../core/draft-record';
import { problem, type Problem } from '../core/problems';
import { troubleOf, type KeyValueStorage, type StorageTrouble } from './key-value-storage';

import { DRAFT_PREFIX, draftKey as keyOf } from './draft-keys';
import { keyValueUsage, type StorageUsage } from './storage-usage';

/** Why a group of drafts was not saved: storage refused, or one would overwrite a damaged record. */
export type SaveAllTrouble = StorageTrouble | 'damaged-record';

/** A saved record that could not be read: kept where it is, never written over. */
export interface DamagedDraft {
  key: string;
  problems: Problem[];
  text: string;
}

export interface LoadedDrafts {
  drafts: DraftRecord[];
  damaged: DamagedDraft[];
}

/**
 * Drafts in browser storage, one key per assessment, written whole with each
 * change (a single setItem is atomic). When storage refuses a write, the
 * draft stays in memory for this tab and the caller shows a banner.
 */
export class DraftStore {
  private readonly unsaved = new Map<string, DraftRecord>();
  private readonly damagedKeys = new Set<string>();

  constructor(private readonly storage: KeyValueStorage | null) {}

  get available(): boolean {
    return this.storage !== null;
  }

  /** Ids of stored records that could not be read: an import must not write over them. */
  damagedIds(): Set<string> {
    return new Set([...this.damagedKeys].map((key) => key.slice(DRAFT_PREFIX.length)));
  }

  usage(): StorageUsage | null {
    return this.storage === null ? null : keyValueUsage(this.storage);
  }

  load(): LoadedDrafts {
    const drafts = new Map<string, DraftRecord>();
    const damaged: DamagedDraft[] = [];
    for (const key of this.storage?.keys() ?? []) {
      if (!key.startsWith(DRAFT_PREFIX)) continue;
      const text = this.storage?.get(key) ?? '';
      const parsed = parseDraftRecord(text);
      if (parsed.ok && keyOf(parsed.value.assessment.id) === key) {
        drafts.set(parsed.value.assessment.id, parsed.value);
      } else {
        this.damagedKeys.add(key);
        damaged.push({
          key,
          text,
          problems: parsed.ok ? [problem('assessment.id', 'draft.keyMismatch')] : parsed.problems,
        });
      }
    }
    for (const [id, draft] of this.unsaved) drafts.set(id, draft);
    const list = [...drafts.values()].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    return { drafts: list, damaged: damaged.sort((a, b) => a.key.localeCompare(b.key)) };
  }

  /** Saves the draft; returns what went wrong, or null. The draft is kept in memory either way. */
  save(record: DraftRecord): StorageTrouble | null {
    const key = keyOf(record.assessment.id);
    if (this.storage === null) {
      this.unsaved.set(record.assessment.id, record);
      return 'unavailable';
    }
    if (this.damagedKeys.has(key)) {
      throw new Error(`refusing to overwrite the damaged record ${key}`);
    }
    try {
      this.storage.set(key, serializeDraftRecord(record));
      this.unsaved.delete(record.assessment.id);
      return null;
    } catch (error) {
      this.unsaved.set(record.assessment.id, record);
      return troubleOf(error);
    }
  }

  /** The stored draft as it is now (another tab may have changed it). */
  read(id: string): DraftRecord | null {
    const text = this.storage?.get(keyOf(id));
    if (text === null || text === undefined) return this.unsaved.get(id) ?? null;
    const parsed = parseDraftRecord(text);
    return parsed.ok ? parsed.value : null;
  }

  /**
   * Saves several drafts as one change: if any write fails, the ones already
   * written are put back as they were, so storage holds all or none.
   */
  saveAll(records: readonly DraftRecord[]): SaveAllTrouble | null {
    const storage = this.storage;
    if (storage === null) {
      for (const record of records) this.unsaved.set(record.assessment.id, record);
      return 'unavailable';
    }
    const keys = records.map((r) => keyOf(r.assessment.id));
    if (keys.some((key) => this.damagedKeys.has(key))) return 'damaged-record';
    const before = keys.map((key) => storage.get(key));
    const written: number[] = [];
    try {
      records.forEach((record, i) => {
        storage.set(keys[i]!, serializeDraftRecord(record));
        written.push(i);
      });
      return null;
    } catch (error) {
      for (const i of written) {
        const previous = before[i];
        if (previous === null || previous === undefined) storage.remove(keys[i]!);
        else storage.set(keys[i]!, previous);
      }
      return troubleOf(error);
    }
  }

  remove(id: string): void {
    this.unsaved.delete(id);
    this.storage?.remove(keyOf(id));
  }
}
