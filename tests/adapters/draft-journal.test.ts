import { describe, expect, it } from 'vitest';
import { DraftJournal } from '../../src/adapters/draft-journal';
import { journalDraft, JOURNAL_KEY } from '../../src/adapters/journal-key';
import { memoryStorage } from '../../src/adapters/key-value-storage';
import { newDraft } from '../../src/core/draft';
import { serializeDraftRecord } from '../../src/core/draft-record';
import { makeAssessment, tinyRubric } from '../helpers/fixtures';

const at = (savedAt: string) => ({
  ...newDraft(makeAssessment(tinyRubric(), {}, { id: 'j' }), savedAt),
  savedAt,
});

describe('the draft journal', () => {
  it('gives back the last draft written, as the draft store would read it', () => {
    const storage = memoryStorage();
    const record = at('2026-11-30T10:00:00.000Z');
    journalDraft(storage, record);
    const pending = new DraftJournal(storage).pending();
    expect(pending === null ? null : serializeDraftRecord(pending)).toBe(
      serializeDraftRecord(record),
    );
  });

  it('is forgotten once the database holds that save, but not for an older one', () => {
    const storage = memoryStorage();
    const journal = new DraftJournal(storage);
    journalDraft(storage, at('2026-11-30T10:00:02.000Z'));
    journal.settled(at('2026-11-30T10:00:01.000Z'));
    expect(storage.get(JOURNAL_KEY)).not.toBeNull();
    journal.settled(at('2026-11-30T10:00:02.000Z'));
    expect(storage.get(JOURNAL_KEY)).toBeNull();
  });

  it('is no trouble when storage refuses the write: the database write is all there is', () => {
    const storage = {
      ...memoryStorage(),
      set: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() => journalDraft(storage, at('2026-11-30T10:00:00.000Z'))).not.toThrow();
    expect(new DraftJournal(storage).pending()).toBeNull();
  });
});
