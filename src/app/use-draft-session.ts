import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssessmentStore, Library } from '../adapters/assessment-store';
import type { KeyValueStorage } from '../adapters/key-value-storage';
import { readOpenDraftId, writeOpenDraftId } from '../adapters/open-draft';
import type { StorageTrouble } from '../adapters/storage-trouble';
import type { DraftRecord } from '../core/draft-record';
import { journalDraft } from '../adapters/journal-key';
import type { OpenedLibrary } from '../adapters/open-library';

export interface DraftSession {
  /** False until the library has been read (the store loads after the first screen). */
  ready: boolean;
  /** A draft was open before the reload: show it, not the start screen, once ready. */
  resuming: boolean;
  library: Library;
  draft: DraftRecord | null;
  trouble: StorageTrouble | null;
  /**
   * Per criterion id, how often another tab changed its answer in the open
   * draft: a form showing that answer reloads, and one showing another
   * answer is left alone (its field may be mid-keystroke).
   */
  externalRevisions: Readonly<Record<string, number>>;
  /** The store, once loaded (null where the browser allows no IndexedDB). */
  store: AssessmentStore | null;
  /** Browser storage itself, for what is not an assessment (custom rubrics, preferences). */
  storage: KeyValueStorage | null;
  open: (draft: DraftRecord) => void;
  /** Opens a saved assessment by id (its body is read from the store). */
  openById: (id: string, position?: DraftRecord['position']) => Promise<void>;
  update: (change: (draft: DraftRecord) => DraftRecord) => void;
  close: () => void;
  /** Re-reads the library after a change made directly through the store. */
  reload: () => void;
  /** Records a storage problem from an operation made directly through the store. */
  report: (trouble: StorageTrouble | null) => void;
  /** Shows changes made to the store outside this session (another tab, the team sync). */
  changedOutside: (ids: readonly string[]) => void;
}

const EMPTY_LIBRARY: Library = { summaries: [], damaged: [] };

/**
 * The draft being worked on, and the library's summaries. Each change is
 * written to the journal at once and to the database right after; when the
 * database refuses, the draft lives on in memory and `trouble` says why.
 */
export function useDraftSession(storage: KeyValueStorage | null): DraftSession {
  const [opened, setOpened] = useState<OpenedLibrary | null>(null);
  const [library, setLibrary] = useState<Library>(EMPTY_LIBRARY);
  const [draft, setDraft] = useState<DraftRecord | null>(null);
  const [resuming, setResuming] = useState(() => readOpenDraftId(storage) !== null);
  const [trouble, setTrouble] = useState<StorageTrouble | null>(null);
  const [externalRevisions, setExternalRevisions] = useState<Readonly<Record<string, number>>>({});
  // Updates can come faster than renders (every keystroke): always build on the latest.
  const latest = useRef<DraftRecord | null>(null);
  // Writes to the database run one after another, so an older one never lands last.
  const writing = useRef<Promise<unknown>>(Promise.resolve());
  const store = opened?.store ?? null;

  const reload = useCallback(() => {
    if (store !== null) void store.library().then(setLibrary);
  }, [store]);

  useEffect(() => {
    let cancelled = false;
    void import('../adapters/open-library').then(async ({ openLibrary }) => {
      const result = await openLibrary(storage);
      if (cancelled) return;
      const found = result.store === null ? EMPTY_LIBRARY : await result.store.library();
      const openId = readOpenDraftId(storage);
      let open = latest.current;
      if (open === null && openId !== null && result.store !== null) {
        open = await result.store.read(openId);
      }
      if (cancelled) return;
      if (latest.current !== null && result.store !== null) {
        // Opened before the store was ready: saved now, and marked as the one to resume.
        const problem = await result.store.save(latest.current);
        if (problem === null) writeOpenDraftId(storage, latest.current.assessment.id);
        setTrouble(problem === 'damaged-record' ? null : problem);
      }
      latest.current = open;
      setOpened(result);
      setLibrary(result.store === null ? found : await result.store.library());
      setDraft(open);
      setTrouble((current) => current ?? result.trouble);
      setResuming(false);
    });
    return () => {
      cancelled = true;
    };
  }, [storage]);

  // Another tab saved, or the team sync brought something: shown here, keeping this tab's place in the wizard.
  const changedOutside = useCallback(
    (ids: readonly string[]) => {
      if (store === null) return;
      reload();
      const current = latest.current;
      if (current === null || !ids.includes(current.assessment.id)) return;
      void store.read(current.assessment.id).then((fresh) => {
        const open = latest.current;
        if (fresh === null || open === null || fresh.savedAt <= open.savedAt) return;
        const merged = { ...fresh, position: open.position };
        const changed = changedAnswers(open, merged);
        latest.current = merged;
        setDraft(merged);
        if (changed.length > 0)
          setExternalRevisions((counts) => ({
            ...counts,
            ...Object.fromEntries(changed.map((id) => [id, (counts[id] ?? 0) + 1])),
          }));
      });
    },
    [store, reload],
  );

  useEffect(() => {
    if (opened === null) return;
    return opened.onChangesElsewhere(changedOutside);
  }, [opened, changedOutside]);

  const save = useCallback(
    (next: DraftRecord) => {
      latest.current = next;
      setDraft(next);
      journalDraft(storage, next);
      if (opened === null || store === null) return;
      writing.current = writing.current.then(async () => {
        const problem = await store.save(next);
        setTrouble(problem === 'damaged-record' ? null : problem);
        if (problem === null) opened.journal.settled(next);
      });
    },
    [opened, store, storage],
  );

  const open = useCallback(
    (next: DraftRecord) => {
      save(next);
      // The journal already holds the draft (a synchronous write), so a reload can resume it.
      writeOpenDraftId(storage, next.assessment.id);
    },
    [save, storage],
  );

  const openById = useCallback(
    async (id: string, position?: DraftRecord['position']) => {
      const record = await store?.read(id);
      if (record === null || record === undefined) {
        reload();
        return;
      }
      save(position === undefined ? record : { ...record, position });
    },
    [store, save, reload],
  );

  const update = useCallback(
    (change: (draft: DraftRecord) => DraftRecord) => {
      const current = latest.current;
      if (current === null) return;
      const savedAt = new Date().toISOString();
      // This tab's place in the wizard is its own; the change is applied from there.
      const inPlace = (base: DraftRecord) => change({ ...base, position: current.position });
      const next = { ...change(current), savedAt };
      latest.current = next;
      setDraft(next);
      journalDraft(storage, next);
      if (opened === null || store === null) return;
      writing.current = writing.current.then(async () => {
        // Built on what is stored now: an edit made in another tab a moment ago is kept.
        const { record, trouble: problem } = await store.update(next, current.savedAt, inPlace);
        setTrouble(problem === 'damaged-record' ? null : problem);
        if (problem !== null) return;
        opened.journal.settled(record);
        if (record !== next && latest.current?.savedAt === next.savedAt) {
          latest.current = { ...record, position: next.position };
          setDraft(latest.current);
        }
      });
    },
    [opened, store, storage],
  );

  const close = useCallback(() => {
    latest.current = null;
    setDraft(null);
    writeOpenDraftId(storage, null);
    // The library shows the closed draft as last saved, once its write has landed.
    void writing.current.then(reload);
  }, [storage, reload]);

  return {
    ready: opened !== null,
    resuming,
    library,
    draft,
    trouble,
    externalRevisions,
    store,
    storage,
    open,
    openById,
    update,
    close,
    reload,
    report: setTrouble,
    changedOutside,
  };
}

/** The criterion ids whose answer differs between two versions of a draft. */
function changedAnswers(before: DraftRecord, after: DraftRecord): string[] {
  const was = before.assessment.answers;
  const now = after.assessment.answers;
  const ids = new Set([...Object.keys(was), ...Object.keys(now)]);
  return [...ids].filter((id) => JSON.stringify(was[id]) !== JSON.stringify(now[id]));
}
