import { useCallback, useRef, useState } from 'react';
import type { DraftStore, LoadedDrafts } from '../adapters/draft-store';
import type { StorageTrouble } from '../adapters/key-value-storage';
import type { DraftRecord } from '../core/draft-record';

export interface DraftSession {
  loaded: LoadedDrafts;
  draft: DraftRecord | null;
  trouble: StorageTrouble | null;
  open: (draft: DraftRecord) => void;
  update: (change: (draft: DraftRecord) => DraftRecord) => void;
  close: () => void;
}

/**
 * The draft being worked on. Each update is saved at once; when storage
 * refuses, the draft lives on in memory and `trouble` says why.
 */
export function useDraftSession(store: DraftStore): DraftSession {
  const [loaded, setLoaded] = useState(() => store.load());
  const [draft, setDraft] = useState<DraftRecord | null>(() => {
    const id = store.openDraftId;
    return loaded.drafts.find((d) => d.assessment.id === id) ?? null;
  });
  const [trouble, setTrouble] = useState<StorageTrouble | null>(
    store.available ? null : 'unavailable',
  );
  // Updates can come faster than renders (every keystroke): always build on the latest.
  const latest = useRef(draft);

  const save = useCallback(
    (next: DraftRecord) => {
      latest.current = next;
      setDraft(next);
      setTrouble(store.save(next));
    },
    [store],
  );

  const open = useCallback(
    (next: DraftRecord) => {
      save(next);
      store.setOpenDraft(next.assessment.id);
    },
    [save, store],
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
    store.setOpenDraft(null);
    setLoaded(store.load());
  }, [store]);

  return { loaded, draft, trouble, open, update, close };
}
