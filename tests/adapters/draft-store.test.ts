import { describe, expect, it } from 'vitest';
import { DraftStore } from '../../src/adapters/draft-store';
import { memoryStorage, type KeyValueStorage } from '../../src/adapters/key-value-storage';
import { readOpenDraftId, writeOpenDraftId } from '../../src/adapters/open-draft';
import { newDraft, stepValuesOf, withStepValues } from '../../src/core/draft';
import { type DraftRecord } from '../../src/core/draft-record';
import { serializeDraftRecord } from '../../src/core/draft-record';
import { makeAssessment, tinyRubric } from '../helpers/fixtures';

const NOW = '2026-11-29T12:00:00.000Z';
const draftFor = (id: string, companyName = id): DraftRecord =>
  newDraft(
    makeAssessment(
      tinyRubric(),
      {},
      { id, company: { name: companyName, stage: 'seed', sector: '' } },
    ),
    NOW,
  );

/** Storage that refuses writes the way a full browser store does. */
function fullStorage(initial: Record<string, string> = {}): KeyValueStorage {
  const inner = memoryStorage(initial);
  return {
    ...inner,
    set: () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
  };
}

describe('draft records', () => {
  it('turns a rating plus evidence into an answer, and keeps anything less pending', () => {
    let draft = draftFor('a');
    draft = withStepValues(
      draft,
      'alpha.x',
      { value: null, evidence: null, notes: 'typed before rating' },
      NOW,
    );
    expect(draft.assessment.answers).toEqual({});
    expect(stepValuesOf(draft, 'alpha.x').notes).toBe('typed before rating');
    draft = withStepValues(
      draft,
      'alpha.x',
      { value: 3, evidence: 'estimated', notes: 'typed before rating' },
      NOW,
    );
    expect(draft.assessment.answers['alpha.x']).toEqual({
      value: 3,
      evidence: 'estimated',
      notes: 'typed before rating',
      facts: [],
    });
    expect(draft.pending).toEqual({});
    expect(stepValuesOf(draft, 'alpha.x').value).toBe(3);
  });
});

describe('DraftStore', () => {
  it('saves and loads drafts, newest first', () => {
    const store = new DraftStore(memoryStorage());
    expect(store.save(draftFor('one'))).toBeNull();
    expect(store.save({ ...draftFor('two'), savedAt: '2026-11-30T00:00:00.000Z' })).toBeNull();
    expect(store.load().drafts.map((d) => d.assessment.id)).toEqual(['two', 'one']);
  });

  it('keeps a damaged record aside, reports why, loads the others, and never overwrites it', () => {
    const good = draftFor('good');
    const storage = memoryStorage({
      'moatscore.draft.good': serializeDraftRecord(good),
      'moatscore.draft.broken': '{"format":"moatscore.draft","version":1,"savedAt":',
      'moatscore.draft.newer': JSON.stringify({ ...good, version: 7 }),
    });
    const store = new DraftStore(storage);
    const { drafts, damaged } = store.load();
    expect(drafts.map((d) => d.assessment.id)).toEqual(['good']);
    expect(damaged.map((d) => [d.key, d.problems[0]?.code])).toEqual([
      ['moatscore.draft.broken', 'file.notJson'],
      ['moatscore.draft.newer', 'draft.newer'],
    ]);
    expect(() => store.save(draftFor('broken'))).toThrow(/refusing to overwrite/);
    expect(store.saveAll([draftFor('broken')])).toBe('damaged-record');
    expect(storage.get('moatscore.draft.broken')).toBe(
      '{"format":"moatscore.draft","version":1,"savedAt":',
    );
  });

  it('reports a full store and keeps the draft in memory for this tab', () => {
    const store = new DraftStore(fullStorage());
    const draft = draftFor('kept');
    expect(store.save(draft)).toBe('quota');
    expect(store.load().drafts).toEqual([draft]);
  });

  it('works in memory when the browser offers no storage at all', () => {
    const store = new DraftStore(null);
    expect(store.available).toBe(false);
    expect(store.save(draftFor('x'))).toBe('unavailable');
    expect(store.load().drafts).toHaveLength(1);
  });

  it('remembers which draft was open, to resume after a reload', () => {
    const storage = memoryStorage();
    writeOpenDraftId(storage, 'abc');
    expect(readOpenDraftId(storage)).toBe('abc');
    writeOpenDraftId(storage, null);
    expect(readOpenDraftId(storage)).toBeNull();
  });
});
