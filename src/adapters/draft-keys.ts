/** Where drafts live in browser storage; zod-free, so the first screen can use it. */
export const DRAFT_PREFIX = 'moatscore.draft.';

export function draftKey(id: string): string {
  return `${DRAFT_PREFIX}${id}`;
}

/** Whether a storage event concerns drafts (null: the whole storage was cleared). */
export function isDraftKey(key: string | null): boolean {
  return key === null || key.startsWith(DRAFT_PREFIX);
}
