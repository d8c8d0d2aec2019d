import { parseDraftRecord, serializeDraftRecord, type DraftRecord } from '../core/draft-record';
import { problem } from '../core/problems';
import type { Db } from './assessment-db';
import type { AssessmentStore } from './assessment-store';
import { DRAFT_PREFIX, draftKey } from './draft-keys';
import type { KeyValueStorage } from './key-value-storage';

export interface MigrationReport {
  moved: number;
  damaged: number;
  /** Older than what the database already holds for the same id: dropped, the newer one kept. */
  superseded: number;
}

/**
 * Moves the drafts earlier versions kept in localStorage into the database.
 * Each is copied, read back and compared before its key is removed, so an
 * interruption loses nothing (the next start finishes the job); copying is
 * idempotent (keyed by id), so a second tab doing it too duplicates nothing.
 * A record that cannot be read moves to the damaged store, still downloadable.
 */
export async function migrateLocalDrafts(
  storage: KeyValueStorage,
  db: Db,
  store: AssessmentStore,
): Promise<MigrationReport> {
  const keys = storage.keys().filter((key) => key.startsWith(DRAFT_PREFIX));
  const report: MigrationReport = { moved: 0, damaged: 0, superseded: 0 };
  if (keys.length === 0) return report;

  const records: { key: string; record: DraftRecord }[] = [];
  const damaged: { key: string; text: string }[] = [];
  for (const key of keys) {
    const text = storage.get(key);
    if (text === null) continue;
    const parsed = parseDraftRecord(text);
    if (parsed.ok && draftKey(parsed.value.assessment.id) === key) {
      records.push({ key, record: parsed.value });
    } else {
      const problems = parsed.ok
        ? [problem('assessment.id', 'draft.keyMismatch')]
        : parsed.problems;
      await db.put('damaged', { key: key.slice(DRAFT_PREFIX.length), text, problems });
      if ((await db.get('damaged', key.slice(DRAFT_PREFIX.length)))?.text === text) {
        damaged.push({ key, text });
      }
    }
  }

  // A draft already in the database and saved later (by a tab of this version) wins.
  const newer = new Set<string>();
  for (const { record } of records) {
    const there = await db.get('drafts', record.assessment.id);
    if (there !== undefined && there.savedAt > record.savedAt) newer.add(record.assessment.id);
  }
  const toMove = records.filter(({ record }) => !newer.has(record.assessment.id));
  const trouble = await store.saveAll(toMove.map(({ record }) => record));
  if (trouble !== null) return report;

  // Removed only once read back the same: the copy is proven before the original goes.
  for (const { key, record } of toMove) {
    const back = await store.read(record.assessment.id);
    if (back !== null && serializeDraftRecord(back) === serializeDraftRecord(record)) {
      storage.remove(key);
      report.moved += 1;
    }
  }
  for (const { key, record } of records) {
    if (newer.has(record.assessment.id)) {
      storage.remove(key);
      report.superseded += 1;
    }
  }
  for (const { key } of damaged) {
    storage.remove(key);
    report.damaged += 1;
  }
  return report;
}
