import { newDraft } from '../core/draft';
import type { Assessment } from '../core/schema';
import type { AssessmentStore, SaveTrouble } from './assessment-store';
import { browserStorageUsage, type StorageUsage } from './storage-usage';

/** What an import did, told as it is: never "done" when nothing was kept. */
export type ImportOutcome =
  | { kind: 'saved'; count: number }
  /** Nothing was imported and nothing stored changed. */
  | { kind: 'refused'; trouble: SaveTrouble; usage: StorageUsage | null };

/** Stores the imported assessments as drafts opened on their results: one transaction, all or none. */
export async function importAssessments(
  store: AssessmentStore,
  assessments: readonly Assessment[],
  now: string,
): Promise<ImportOutcome> {
  const records = assessments.map((a) => ({
    ...newDraft(a, now),
    position: { screen: 'results' as const },
  }));
  const trouble = await store.saveAll(records);
  if (trouble === null) return { kind: 'saved', count: records.length };
  return { kind: 'refused', trouble, usage: await browserStorageUsage() };
}
