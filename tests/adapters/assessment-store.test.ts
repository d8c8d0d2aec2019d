import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openAssessmentDb, type Db } from '../../src/adapters/assessment-db';
import { AssessmentStore } from '../../src/adapters/assessment-store';
import { rubricDigest } from '../../src/adapters/rubric-digest';
import { newDraft } from '../../src/core/draft';
import { serializeDraftRecord, type DraftRecord } from '../../src/core/draft-record';
import { answers, loadExample, makeAssessment, tinyRubric } from '../helpers/fixtures';

const NOW = '2026-11-30T00:00:00.000Z';
const rubric = tinyRubric();
let databases = 0;
const open: Db[] = [];

async function freshStore(announce?: (ids: readonly string[]) => void) {
  const db = await openAssessmentDb(`test-${process.pid}-${(databases += 1)}`);
  open.push(db);
  return { db, store: new AssessmentStore(db, announce) };
}

afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const draftOf = (id: string, name = id, notes = 'a long note') =>
  newDraft(
    makeAssessment(rubric, answers({ 'alpha.x': [4, 'verified', notes] }), {
      id,
      company: { name, stage: 'seed', sector: 'AI' },
    }),
    NOW,
  );

describe('the assessment store', () => {
  it('gives back exactly the draft it saved', async () => {
    const { store } = await freshStore();
    const example = newDraft(loadExample(), NOW);
    expect(await store.save(example)).toBeNull();
    const back = await store.read(example.assessment.id);
    expect(back === null ? null : serializeDraftRecord(back)).toBe(serializeDraftRecord(example));
  });

  it('stores a rubric snapshot once, however many assessments use it', async () => {
    const { db, store } = await freshStore();
    await store.saveAll([draftOf('a'), draftOf('b'), draftOf('c')]);
    expect(await db.count('rubrics')).toBe(1);
    expect((await db.getAll('rubrics'))[0]!.hash).toBe(await rubricDigest(rubric));
    // The body holds no rubric: only its digest.
    const body = await db.get('drafts', 'a');
    expect(body).not.toHaveProperty('assessment.rubric');
    expect(body?.rubricHash).toBe(await rubricDigest(rubric));
  });

  it('lists small summaries, newest first, without notes', async () => {
    const { store } = await freshStore();
    await store.save(draftOf('old'));
    await store.save({ ...draftOf('new'), savedAt: '2026-11-30T01:00:00.000Z' });
    const { summaries } = await store.library();
    expect(summaries.map((s) => s.id)).toEqual(['new', 'old']);
    // x at level 4 of 1–5 alone: 75, as scoring the whole assessment gives.
    expect(summaries[0]).toMatchObject({ overall: 75, answeredCount: 1, totalCount: 5 });
    expect(summaries[0]!.answers['alpha.x']!.notes).toBe('');
    expect(JSON.stringify(summaries[0]).length).toBeLessThan(2000);
  });

  it('saves a group all or nothing: a failure half-way leaves the store as it was', async () => {
    const { db, store } = await freshStore();
    await store.save(draftOf('kept'));
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<typeof put>
    ) {
      calls += 1;
      if (calls === 4) throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const trouble = await store.saveAll([draftOf('x'), draftOf('y'), draftOf('z')]);
      expect(trouble).toBe('quota');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect((await db.getAllKeys('drafts')).sort()).toEqual(['kept']);
    expect((await db.getAllKeys('summaries')).sort()).toEqual(['kept']);
  });

  it('removes assessments, and a rubric snapshot once nothing uses it', async () => {
    const { db, store } = await freshStore();
    const example = newDraft(loadExample(), NOW);
    await store.saveAll([draftOf('a'), draftOf('b'), example]);
    expect(await db.count('rubrics')).toBe(2);
    await store.remove(['a']);
    expect(await db.count('rubrics')).toBe(2);
    await store.remove(['b']);
    expect(await db.count('rubrics')).toBe(1);
    expect((await store.library()).summaries.map((s) => s.id)).toEqual([example.assessment.id]);
  });

  it('sets aside a stored body that no longer reads, and never writes over it', async () => {
    const { db, store } = await freshStore();
    await store.save(draftOf('broken'));
    const body = await db.get('drafts', 'broken');
    await db.put('drafts', { ...body!, position: { screen: 'nowhere' } as never });
    expect(await store.read('broken')).toBeNull();
    const { summaries, damaged } = await store.library();
    expect(summaries).toEqual([]);
    expect(damaged.map((d) => [d.key, d.problems[0]?.path])).toEqual([
      ['broken', 'position.screen'],
    ]);
    expect(await store.save(draftOf('broken'))).toBe('damaged-record');
    expect((await db.get('damaged', 'broken'))?.text).toContain('nowhere');
  });

  it('makes a summary again from its body when it is missing fields', async () => {
    const { db, store } = await freshStore();
    await store.save(draftOf('a', 'Alpha'));
    await db.put('summaries', { id: 'a' } as never);
    const { summaries } = await store.library();
    expect(summaries.map((s) => s.company.name)).toEqual(['Alpha']);
    expect((await db.get('summaries', 'a'))?.company.name).toBe('Alpha');
  });

  it('announces the ids it changed, for the other tabs', async () => {
    const announced: string[][] = [];
    const { store } = await freshStore((ids) => announced.push([...ids]));
    await store.saveAll([draftOf('a'), draftOf('b')]);
    await store.remove(['a']);
    expect(announced).toEqual([['a', 'b'], ['a']]);
  });

  it('keeps a tab’s edit when another tab’s queued edits merge around it', async () => {
    const { store } = await freshStore();
    const start = draftOf('a', 'A', 'first note');
    await store.save(start);
    const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
    type Answer = DraftRecord['assessment']['answers'][string];
    const answering =
      (id: string, answer: Answer, savedAt: string) =>
      (d: DraftRecord): DraftRecord => ({
        ...d,
        savedAt,
        assessment: { ...d.assessment, answers: { ...d.assessment.answers, [id]: answer } },
      });
    const noted: Answer = {
      value: 4,
      evidence: 'verified',
      notes: 'first note, then more',
      facts: [],
    };
    const y3: Answer = { value: 3, evidence: 'estimated', notes: '', facts: [] };
    const y3Assumed: Answer = { ...y3, evidence: 'assumed' };

    // Tab one adds to its note; its write lands first.
    const one = answering('alpha.x', noted, at(3));
    await store.update(one(start), start.savedAt, one);
    // Tab two had answered y, then changed its evidence, both built on the start.
    const two = answering('alpha.y', y3, at(1));
    const twoLocal = two(start);
    const merged = await store.update(twoLocal, start.savedAt, two);
    const twoAgain = answering('alpha.y', y3Assumed, at(2));
    await store.update(twoAgain(twoLocal), twoLocal.savedAt, twoAgain);

    const stored = await store.read('a');
    expect(stored?.assessment.answers['alpha.x']?.notes).toBe('first note, then more');
    expect(stored?.assessment.answers['alpha.y']).toMatchObject({ value: 3, evidence: 'assumed' });
    // A merge is newer than either side, so the tab that wrote first sees it as news.
    expect(merged.record.savedAt > at(3)).toBe(true);
  });

  it('rebuilds the assessments the summaries stand for, sharing one rubric object', async () => {
    const { store } = await freshStore();
    await store.saveAll([draftOf('a'), draftOf('b')]);
    const light = await store.assessmentsOf((await store.library()).summaries);
    expect(light.map((a) => a.answers['alpha.x']?.value)).toEqual([4, 4]);
    expect(light[0]!.rubric).toBe(light[1]!.rubric);
  });
});
