import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftStore, LoadedDrafts } from '../adapters/draft-store';
import { isDraftKey } from '../adapters/draft-keys';
import type { KeyValueStorage, StorageTrouble } from '../adapters/key-value-storage';
import { saveBeforeStoreLoads } from '../adapters/early-draft-save';
import { readOpenDraftId, writeOpenDraftId } from '../adapters/open-draft';
import type { DraftRecord } from '../core/draft-record';

export interface DraftSession {
  /** False until saved drafts have been read (the store loads after the first screen). */
  ready: boolean;
  /** A draft was open before the reload: show it, not the start screen, once ready. */
  resuming: boolean;
  loaded: LoadedDrafts;
  draft: DraftRecord | null;
  trouble: StorageTrouble | null;
  /** Bumped when another tab changed the open draft, so forms showing it reload. */
  externalRevision: number;
  /** The store, once loaded: the library reads and writes through it. */
  store: DraftStore | null;
  /** Browser storage itself, for what is not a draft (custom rubrics). */
  storage: KeyValueStorage | null;
  open: (draft: DraftRecord) => void;
  update: (change: (draft: DraftRecord) => DraftRecord) => void;
  close: () => void;
  /** Re-reads the library after a change made directly through the store. */
  reload: () => void;
  /** Records a storage problem from an operation made directly through the store. */
  report: (trouble: StorageTrouble | null) => void;
}

const NOTHING_LOADED: LoadedDrafts = { drafts: [], damaged: [] };

/**
 * The draft being worked on. Each update is saved at once; when storage
 * refuses, the draft lives on in memory and `trouble` says why.
 */
export function useDraftSession(storage: KeyValueStorage | null): DraftSession {
  const [store, setStore] = useState<DraftStore | null>(null);
  const [loaded, setLoaded] = useState<LoadedDrafts>(NOTHING_LOADED);
  const [draft, setDraft] = useState<DraftRecord | null>(null);
  const [resuming, setResuming] = useState(() => readOpenDraftId(storage) !== null);
  const [trouble, setTrouble] = useState<StorageTrouble | null>(
    storage === null ? 'unavailable' : null,
  );
  const [externalRevision, setExternalRevision] = useState(0);
  // Updates can come faster than renders (every keystroke): always build on the latest.
  const latest = useRef<DraftRecord | null>(null);

  // Another tab saved: show its changes here, keeping this tab's own place in the wizard.
  useEffect(() => {
    if (store === null) return;
    const onStorage = (event: StorageEvent) => {
      if (!isDraftKey(event.key)) return;
      setLoaded(store.load());
      const open = latest.current;
      if (open === null) return;
      const fresh = store.read(open.assessment.id);
      if (fresh === null || fresh.savedAt === open.savedAt) return;
      const merged = { ...fresh, position: open.position };
      latest.current = merged;
      setDraft(merged);
      setExternalRevision((n) => n + 1);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store]);

  useEffect(() => {
    let cancelled = false;
    void import('../adapters/draft-store').then(({ DraftStore }) => {
      if (cancelled) return;
      const created = new DraftStore(storage);
      const found = created.load();
      const openId = readOpenDraftId(storage);
      const open = latest.current ?? found.drafts.find((d) => d.assessment.id === openId) ?? null;
      if (open !== null && latest.current !== null) {
        // Opened before the store was ready: saved now, and only now marked as the one to resume.
        const trouble = created.save(open);
        setTrouble(trouble);
        if (trouble === null) writeOpenDraftId(storage, open.assessment.id);
      }
      latest.current = open;
      setStore(created);
      setLoaded(found);
      setDraft(open);
      setResuming(false);
    });
    return () => {
      cancelled = true;
    };
  }, [storage]);

  const save = useCallback(
    (next: DraftRecord): boolean => {
      latest.current = next;
      setDraft(next);
      if (store !== null) {
        const trouble = store.save(next);
        setTrouble(trouble);
        return trouble === null;
      }
      // Before the store has loaded: stored at once where that is safe, else the loader saves it.
      return saveBeforeStoreLoads(storage, next);
    },
    [store, storage],
  );

  const open = useCallback(
    (next: DraftRecord) => {
      // A reload resumes only a draft that is stored; otherwise the loader marks it once saved.
      if (save(next)) writeOpenDraftId(storage, next.assessment.id);
    },
    [save, storage],
  );

  const update = useCallback(
    (change: (draft: DraftRecord) => DraftRecord) => {
      const current = latest.current;
      if (current === null) return;
      // Build on what is stored now, so an edit made in another tab a moment ago is kept.
      const fresh = store?.read(current.assessment.id);
      const base =
        fresh === null || fresh === undefined ? current : { ...fresh, position: current.position };
      save({ ...change(base), savedAt: new Date().toISOString() });
    },
    [save, store],
  );

  const close = useCallback(() => {
    latest.current = null;
    setDraft(null);
    writeOpenDraftId(storage, null);
    if (store !== null) setLoaded(store.load());
  }, [store, storage]);

  const reload = useCallback(() => {
    if (store !== null) setLoaded(store.load());
  }, [store]);

  return {
    ready: store !== null,
    resuming,
    loaded,
    draft,
    trouble,
    externalRevision,
    store,
    storage,
    open,
    update,
    close,
    reload,
    report: setTrouble,
  };
}
