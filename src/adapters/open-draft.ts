import type { KeyValueStorage } from './key-value-storage';

const OPEN_DRAFT_KEY = 'moatscore.open-draft';

/** Which draft was open, so a reload resumes it; readable before the draft store loads. */
export function readOpenDraftId(storage: KeyValueStorage | null): string | null {
  return storage?.get(OPEN_DRAFT_KEY) ?? null;
}

export function writeOpenDraftId(storage: KeyValueStorage | null, id: string | null): void {
  try {
    if (id === null) storage?.remove(OPEN_DRAFT_KEY);
    else storage?.set(OPEN_DRAFT_KEY, id);
  } catch {
    // Only a convenience for resuming after a reload; the draft itself is what matters.
  }
}
