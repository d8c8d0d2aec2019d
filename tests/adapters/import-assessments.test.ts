import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openAssessmentDb, type Db } from '../../src/adapters/assessment-db';
import { AssessmentStore } from '../../src/adapters/assessment-store';
import { importAssessments } from '../../src/adapters/import-assessments';
import { makeAssessment, tinyRubric } from '../helpers/fixtures';

const rubric = tinyRubric();
const NOW = '2026-11-30T00:00:00.000Z';
const make = (id: string, name = id) =>
  makeAssessment(rubric, {}, { id, company: { name, stage: 'seed', sector: '' } });

let databases = 0;
const open: Db[] = [];
async function freshStore() {
  const db = await openAssessmentDb(`import-${process.pid}-${(databases += 1)}`);
  open.push(db);
  return { db, store: new AssessmentStore(db) };
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('importing into the library', () => {
  it('says how many were saved when all were', async () => {
    const { store } = await freshStore();
    expect(await importAssessments(store, [make('a'), make('b')], NOW)).toEqual({
      kind: 'saved',
      count: 2,
    });
    expect((await store.library()).summaries.map((s) => s.id).sort()).toEqual(['a', 'b']);
  });

  it('at full storage imports nothing, changes nothing, and says so', async () => {
    const { store, db } = await freshStore();
    await importAssessments(store, [make('kept')], NOW);
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<typeof put>
    ) {
      calls += 1;
      if (calls === 3) throw new DOMException('full', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const outcome = await importAssessments(store, [make('kept', 'Replaced'), make('x')], NOW);
      expect(outcome).toMatchObject({ kind: 'refused', trouble: 'quota' });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect((await db.getAllKeys('drafts')).sort()).toEqual(['kept']);
    expect((await store.read('kept'))?.assessment.company.name).toBe('kept');
  });

  it('never writes over a damaged record, and says so instead of throwing', async () => {
    const { store, db } = await freshStore();
    await db.put('damaged', { key: 'same', text: '{"format":', problems: [] });
    await store.library();
    const outcome = await importAssessments(store, [make('same')], NOW);
    expect(outcome).toMatchObject({ kind: 'refused', trouble: 'damaged-record' });
    expect((await db.get('damaged', 'same'))?.text).toBe('{"format":');
  });
});
