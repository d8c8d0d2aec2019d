import { describe, expect, it } from 'vitest';
import { DraftStore } from '../../src/adapters/draft-store';
import { importAssessments } from '../../src/adapters/import-assessments';
import { memoryStorage, type KeyValueStorage } from '../../src/adapters/key-value-storage';
import { newDraft } from '../../src/core/draft';
import { makeAssessment, tinyRubric } from '../helpers/fixtures';

const rubric = tinyRubric();
const NOW = '2026-11-30T00:00:00.000Z';
const make = (id: string, name = id) =>
  makeAssessment(rubric, {}, { id, company: { name, stage: 'seed', sector: '' } });

const snapshot = (storage: KeyValueStorage) =>
  JSON.stringify(storage.keys().map((k) => [k, storage.get(k)]));

/** Storage whose n-th write hits the quota, as a large record would. */
function quotaOnWrite(inner: KeyValueStorage, failing: number): KeyValueStorage {
  let writes = 0;
  return {
    ...inner,
    set: (key, value) => {
      writes += 1;
      if (writes === failing) throw new DOMException('full', 'QuotaExceededError');
      inner.set(key, value);
    },
  };
}

describe('importing into the library', () => {
  it('says how many were saved when all were', () => {
    const storage = memoryStorage();
    const outcome = importAssessments(new DraftStore(storage), [make('a'), make('b')], NOW);
    expect(outcome).toEqual({ kind: 'saved', count: 2 });
    expect(
      new DraftStore(storage)
        .load()
        .drafts.map((d) => d.assessment.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('at full storage imports nothing, changes nothing, and says how full it is', () => {
    const inner = memoryStorage();
    new DraftStore(inner).save(newDraft(make('kept'), NOW));
    const before = snapshot(inner);
    const store = new DraftStore(quotaOnWrite(inner, 2));
    const outcome = importAssessments(store, [make('kept', 'Replaced'), make('x'), make('y')], NOW);
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    expect(outcome.trouble).toBe('quota');
    // What is used is what the store holds: the record that was there before.
    expect(outcome.usage?.used).toBe(
      inner.keys().reduce((n, k) => n + k.length + (inner.get(k)?.length ?? 0), 0) * 2,
    );
    expect(outcome.usage?.quota).toBeGreaterThan(outcome.usage?.used ?? Infinity);
    expect(snapshot(inner)).toBe(before);
    // The tab keeps nothing of it either: a reload and this store agree.
    expect(store.load().drafts.map((d) => d.assessment.company.name)).toEqual(['kept']);
  });

  it('never writes over a damaged record, and says so instead of throwing', () => {
    const storage = memoryStorage({ 'moatscore.draft.same': '{"format":"moatscore.draft",' });
    const store = new DraftStore(storage);
    store.load();
    expect(store.damagedIds()).toEqual(new Set(['same']));
    const outcome = importAssessments(store, [make('same')], NOW);
    expect(outcome).toMatchObject({ kind: 'refused', trouble: 'damaged-record' });
    expect(storage.get('moatscore.draft.same')).toBe('{"format":"moatscore.draft",');
  });

  it('keeps an import in this tab only when the browser allows no storage at all, and says so', () => {
    const store = new DraftStore(null);
    expect(importAssessments(store, [make('a')], NOW)).toEqual({ kind: 'tab-only', count: 1 });
    expect(store.load().drafts.map((d) => d.assessment.id)).toEqual(['a']);
  });
});
