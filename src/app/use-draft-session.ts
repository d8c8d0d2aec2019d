import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftStore, LoadedDrafts } from '../adapters/draft-store';
import type { KeyValueStorage, StorageTrouble } from '../adapters/key-value-storage';
import { readOpenDraftId, writeOpenDraftId } from '../adapters/open-draft';
import type { DraftRecord } from '../core/draft';

export interface DraftSession {
  /** False until saved drafts have been read (the store loads after the first screen). */
  ready: boolean;
  /** A draft was open before the reload: show it, not the start screen, once ready. */
  resuming: boolean;
  loaded: LoadedDrafts;
  draft: DraftRecord | null;
  trouble: StorageTrouble | null;
  open: (draft: DraftRecord) => void;
  update: (change: (draft: DraftRecord) => DraftRecord) => void;
  close: () => void;
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
  // Updates can come faster than renders (every keystroke): always build on the latest.
  const latest = useRef<DraftRecord | null>(null);

  useEffect(() => {
    let cancelled = false;
    void import('../adapters/draft-store').then(({ DraftStore }) => {
      if (cancelled) return;
      const created = new DraftStore(storage);
      const found = created.load();
      const openId = readOpenDraftId(storage);
      const open = latest.current ?? found.drafts.find((d) => d.assessment.id === openId) ?? null;
      if (open !== null && latest.current !== null) setTrouble(created.save(open));
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
    (next: DraftRecord) => {
      latest.current = next;
      setDraft(next);
      // Before the store has loaded, the draft waits in memory; the loader saves it.
      if (store !== null) setTrouble(store.save(next));
    },
    [store],
  );

  const open = useCallback(
    (next: DraftRecord) => {
      save(next);
      writeOpenDraftId(storage, next.assessment.id);
    },
    [save, storage],
  );

  const update = useCallback(
    (change: (draft: DraftRecord) => DraftRecord) => {
      if (latest.current === null) return;
      save({ ...change(latest.current), savedAt: new Date().toISOString() });
    },
    [save],
  );

  const close = useCallback(() => {
    latest.current = null;
    setDraft(null);
    writeOpenDraftId(storage, null);
    if (store !== null) setLoaded(store.load());
  }, [store, storage]);

  return { ready: store !== null, resuming, loaded, draft, trouble, open, update, close };
}
