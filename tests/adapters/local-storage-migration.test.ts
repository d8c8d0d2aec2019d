import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openAssessmentDb, type Db } from '../../src/adapters/assessment-db';
import { AssessmentStore } from '../../src/adapters/assessment-store';
import { draftKey } from '../../src/adapters/draft-keys';
import { memoryStorage, type KeyValueStorage } from '../../src/adapters/key-value-storage';
import { migrateLocalDrafts } from '../../src/adapters/local-storage-migration';
import { newDraft, withStepValues } from '../../src/core/draft';
import { serializeDraftRecord, type DraftRecord } from '../../src/core/draft-record';
import { loadExample, makeAssessment, tinyRubric } from '../helpers/fixtures';

let databases = 0;
const open: Db[] = [];
async function freshStore() {
  const db = await openAssessmentDb(`migration-${process.pid}-${(databases += 1)}`);
  open.push(db);
  return { db, store: new AssessmentStore(db) };
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** Records as the previous version wrote them: one localStorage key per draft, the record's JSON. */
function previousVersionStorage(
  records: readonly DraftRecord[],
  extra: Record<string, string> = {},
) {
  const storage = memoryStorage(extra);
  for (const record of records)
    storage.set(draftKey(record.assessment.id), serializeDraftRecord(record));
  return storage;
}

const draftKeys = (storage: KeyValueStorage) =>
  storage.keys().filter((key) => key.startsWith('moatscore.draft.'));

function drafts(): DraftRecord[] {
  const example = newDraft(loadExample(), '2026-11-29T10:00:00.000Z');
  const started = withStepValues(
    newDraft(makeAssessment(tinyRubric(), {}, { id: 'half' }), '2026-11-29T11:00:00.000Z'),
    'alpha.x',
    { value: 3, evidence: 'estimated', notes: '中文笔记 🚀' },
    '2026-11-29T11:05:00.000Z',
  );
  return [example, { ...started, position: { screen: 'step', index: 1, returnToReview: false } }];
}

describe('moving drafts from localStorage into the database', () => {
  it('copies every draft, checks it, and only then removes the old keys', async () => {
    const records = drafts();
    const storage = previousVersionStorage(records, { 'moatscore.language': 'zh' });
    const { store, db } = await freshStore();
    const report = await migrateLocalDrafts(storage, db, store);
    expect(report).toEqual({ moved: 2, damaged: 0, superseded: 0 });
    expect(draftKeys(storage)).toEqual([]);
    expect(storage.get('moatscore.language')).toBe('zh');
    for (const record of records) {
      const back = await store.read(record.assessment.id);
      expect(back === null ? null : serializeDraftRecord(back)).toBe(serializeDraftRecord(record));
    }
  });

  it('keeps a damaged record damaged and downloadable, as it was', async () => {
    const broken = '{"format":"moatscore.draft","version":1,"savedAt":"2026-';
    const storage = previousVersionStorage(drafts(), { 'moatscore.draft.broken': broken });
    const { store, db } = await freshStore();
    const report = await migrateLocalDrafts(storage, db, store);
    expect(report.damaged).toBe(1);
    const { damaged, summaries } = await store.library();
    expect(summaries).toHaveLength(2);
    expect(damaged.map((d) => [d.key, d.text, d.problems[0]?.code])).toEqual([
      ['broken', broken, 'file.notJson'],
    ]);
    expect(store.damaged().has('broken')).toBe(true);
  });

  it('leaves the old keys in place when the database refuses the copy, to try again next time', async () => {
    const storage = previousVersionStorage(drafts());
    const { store, db } = await freshStore();
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect((await migrateLocalDrafts(storage, db, store)).moved).toBe(0);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(draftKeys(storage)).toHaveLength(2);
    expect((await migrateLocalDrafts(storage, db, store)).moved).toBe(2);
    expect(draftKeys(storage)).toEqual([]);
  });

  it('duplicates and loses nothing when a second tab moves the same drafts', async () => {
    const records = drafts();
    const first = previousVersionStorage(records);
    // The second tab read the same keys before the first removed them.
    const second = previousVersionStorage(records);
    const { store, db } = await freshStore();
    await Promise.all([
      migrateLocalDrafts(first, db, store),
      migrateLocalDrafts(second, db, store),
    ]);
    const { summaries } = await store.library();
    expect(summaries.map((s) => s.id).sort()).toEqual(records.map((r) => r.assessment.id).sort());
  });

  it('keeps the database copy when it was saved later than the old one', async () => {
    const [example] = drafts();
    const { store, db } = await freshStore();
    const later = { ...example!, savedAt: '2026-11-30T00:00:00.000Z', pending: {} };
    await store.save(later);
    const storage = previousVersionStorage([example!]);
    expect(await migrateLocalDrafts(storage, db, store)).toMatchObject({ moved: 0, superseded: 1 });
    expect((await store.read(example!.assessment.id))?.savedAt).toBe(later.savedAt);
    expect(draftKeys(storage)).toEqual([]);
  });
});
