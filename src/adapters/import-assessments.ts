import { newDraft } from '../core/draft';
import type { Assessment } from '../core/schema';
import type { DraftStore, SaveAllTrouble } from './draft-store';
import type { StorageUsage } from './storage-usage';

/** What an import did, told as it is: never "done" when nothing was kept. */
export type ImportOutcome =
  | { kind: 'saved'; count: number }
  /** Storage cannot be used at all here: the import lives in this tab only. */
  | { kind: 'tab-only'; count: number }
  /** Nothing was imported and nothing stored changed. */
  | { kind: 'refused'; trouble: SaveAllTrouble; usage: StorageUsage | null };

/** Stores the imported assessments as drafts opened on their results, all or none. */
export function importAssessments(
  store: DraftStore,
  assessments: readonly Assessment[],
  now: string,
): ImportOutcome {
  const records = assessments.map((a) => ({
    ...newDraft(a, now),
    position: { screen: 'results' as const },
  }));
  const trouble = store.saveAll(records);
  if (trouble === null) return { kind: 'saved', count: records.length };
  if (trouble === 'unavailable' && !store.available) {
    return { kind: 'tab-only', count: records.length };
  }
  return { kind: 'refused', trouble, usage: store.usage() };
}
