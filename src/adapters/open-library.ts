import { openAssessmentDb } from './assessment-db';
import { AssessmentStore } from './assessment-store';
import { DraftJournal } from './draft-journal';
import type { KeyValueStorage } from './key-value-storage';
import { migrateLocalDrafts } from './local-storage-migration';
import { announceChanges, onChangesElsewhere } from './store-events';
import type { StorageTrouble } from './storage-trouble';
import { askToPersist } from './storage-usage';
import { exclusively } from './web-locks';

export interface OpenedLibrary {
  /** Null where the browser allows no IndexedDB (some private modes): work stays in this tab. */
  store: AssessmentStore | null;
  journal: DraftJournal;
  trouble: StorageTrouble | null;
  onChangesElsewhere: (changed: (ids: string[]) => void) => () => void;
}

/**
 * Opens the library for this tab: the database, then (once per browser) the
 * drafts earlier versions kept in localStorage moved into it, then a journal
 * the last tab left behind. One tab at a time does the moving (Web Locks);
 * where locks are missing, moving is idempotent anyway.
 */
export async function openLibrary(storage: KeyValueStorage | null): Promise<OpenedLibrary> {
  const journal = new DraftJournal(storage);
  let store: AssessmentStore;
  try {
    store = new AssessmentStore(await openAssessmentDb(), announceChanges);
  } catch {
    return { store: null, journal, trouble: 'unavailable', onChangesElsewhere };
  }
  const db = store.database;
  await exclusively('moatscore-migration', async () => {
    if (storage !== null) await migrateLocalDrafts(storage, db, store);
    const pending = journal.pending();
    if (pending !== null) {
      const stored = await store.read(pending.assessment.id);
      if (stored === null || stored.savedAt < pending.savedAt) await store.save(pending);
      if ((await store.read(pending.assessment.id))?.savedAt === pending.savedAt) {
        journal.settled(pending);
      }
    }
  });
  void askToPersist();
  return { store, journal, trouble: null, onChangesElsewhere };
}
