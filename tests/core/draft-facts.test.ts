import { describe, expect, it } from 'vitest';
import {
  newDraft,
  stepValuesOf,
  withDealBreakerAnswer,
  withStepValues,
} from '../../src/core/draft';
import { parseDraftRecord, serializeDraftRecord } from '../../src/core/draft-record';
import { makeAssessment } from '../helpers/fixtures';
import { sampleEvidence } from '../helpers/model-evidence';
import { stagedRubric } from '../helpers/staged-rubric';

const NOW = '2026-11-29T12:00:00.000Z';
const LATER = '2026-11-29T12:05:00.000Z';

describe('drafts and ticked facts', () => {
  const assessment = makeAssessment(stagedRubric(), {
    'alpha.x': { value: 2, evidence: 'estimated', notes: 'first', facts: ['x1a', 'x1b'] },
  });

  it('keeps the facts already ticked when values come without facts (a version 1 pending record)', () => {
    const draft = withStepValues(
      newDraft(assessment, NOW),
      'alpha.x',
      { value: 3, evidence: 'verified', notes: 'second' },
      NOW,
    );
    expect(draft.assessment.answers['alpha.x']).toEqual({
      value: 3,
      evidence: 'verified',
      notes: 'second',
      facts: ['x1a', 'x1b'],
    });
  });

  it('saves the facts the step form ticked with the answer', () => {
    const draft = withStepValues(
      newDraft(assessment, NOW),
      'alpha.x',
      { value: 2, evidence: 'estimated', notes: 'first', facts: ['x1a', 'x1b', 'x2a'] },
      LATER,
    );
    expect(draft.assessment.answers['alpha.x']?.facts).toEqual(['x1a', 'x1b', 'x2a']);
    expect(draft.assessment.updatedAt).toBe(LATER);
  });

  it('keeps ticked facts in the pending record before a level is chosen, and reads them back', () => {
    const fresh = newDraft(makeAssessment(stagedRubric(), {}), NOW);
    const draft = withStepValues(
      fresh,
      'alpha.x',
      { value: null, evidence: null, notes: '', facts: ['x1a'] },
      NOW,
    );
    expect(draft.assessment.answers).toEqual({});
    expect(draft.pending['alpha.x']?.facts).toEqual(['x1a']);
    const reread = parseDraftRecord(serializeDraftRecord(draft));
    expect(reread.ok && stepValuesOf(reread.value, 'alpha.x')).toEqual({
      value: null,
      evidence: null,
      notes: '',
      facts: ['x1a'],
      modelEvidence: [],
    });
  });

  it('gives the step form the saved answer with its facts, and the pending record still reads back', () => {
    const draft = newDraft(assessment, NOW);
    const values = stepValuesOf(draft, 'alpha.x');
    expect(values).toEqual({
      value: 2,
      evidence: 'estimated',
      notes: 'first',
      facts: ['x1a', 'x1b'],
      modelEvidence: [],
    });
    const pending = { ...draft, pending: { 'alpha.x': values } };
    expect(parseDraftRecord(serializeDraftRecord(pending)).ok).toBe(true);
  });
});

describe('drafts and model evidence', () => {
  const fresh = newDraft(makeAssessment(stagedRubric(), {}), NOW);
  const evidence = sampleEvidence({ suggestedLevel: 2 });

  it('keeps evidence recorded before a level is chosen in the pending record, and reads it back', () => {
    const draft = withStepValues(
      fresh,
      'alpha.x',
      { value: null, evidence: null, notes: '', facts: [], modelEvidence: [evidence] },
      NOW,
    );
    expect(draft.pending['alpha.x']?.modelEvidence).toEqual([evidence]);
    const reread = parseDraftRecord(serializeDraftRecord(draft));
    if (!reread.ok) throw new Error(JSON.stringify(reread.problems));
    expect(stepValuesOf(reread.value, 'alpha.x').modelEvidence).toEqual([evidence]);
  });

  it('moves it onto the answer with the rating, keeps it when values come without it, drops the key when emptied', () => {
    const answered = withStepValues(
      fresh,
      'alpha.x',
      { value: 2, evidence: 'verified', notes: '', facts: [], modelEvidence: [evidence] },
      NOW,
    );
    expect(answered.assessment.answers['alpha.x']?.modelEvidence).toEqual([evidence]);
    const older = withStepValues(
      answered,
      'alpha.x',
      { value: 3, evidence: 'verified', notes: 'n' },
      LATER,
    );
    expect(older.assessment.answers['alpha.x']?.modelEvidence).toEqual([evidence]);
    const emptied = withStepValues(
      older,
      'alpha.x',
      { value: 3, evidence: 'verified', notes: 'n', facts: [], modelEvidence: [] },
      LATER,
    );
    expect(emptied.assessment.answers['alpha.x']).toEqual({
      value: 3,
      evidence: 'verified',
      notes: 'n',
      facts: [],
    });
  });
});

describe('drafts and deal-breaker answers', () => {
  const draft = newDraft(makeAssessment(stagedRubric(), {}), NOW);

  it('records an answer, changes it and clears it (an unanswered question is absent)', () => {
    const answered = withDealBreakerAnswer(draft, 'ip', 'no', LATER);
    expect(answered.assessment.dealBreakers).toEqual({ ip: 'no' });
    expect(answered.assessment.updatedAt).toBe(LATER);
    const changed = withDealBreakerAnswer(answered, 'ip', 'yes', LATER);
    expect(changed.assessment.dealBreakers).toEqual({ ip: 'yes' });
    expect(withDealBreakerAnswer(changed, 'ip', null, LATER).assessment.dealBreakers).toEqual({});
  });
});

describe('draft record versions', () => {
  const draft = newDraft(makeAssessment(stagedRubric(), {}), NOW);

  it('writes version 3 and keeps the deal-breaker position', () => {
    const at = {
      ...draft,
      position: { screen: 'deal-breakers' as const, returnToReview: true, question: 'runway' },
    };
    const reread = parseDraftRecord(serializeDraftRecord(at));
    expect(reread.ok && reread.value.version).toBe(3);
    expect(reread.ok && reread.value.position).toEqual(at.position);
  });

  it.each([1, 2])('reads a version %i record as version 3', (version) => {
    const old = JSON.parse(serializeDraftRecord(draft)) as Record<string, unknown>;
    old.version = version;
    const reread = parseDraftRecord(JSON.stringify(old));
    expect(reread.ok && reread.value.version).toBe(3);
  });

  it('refuses a record from a newer version, saying so', () => {
    const newer = JSON.parse(serializeDraftRecord(draft)) as Record<string, unknown>;
    newer.version = 4;
    const reread = parseDraftRecord(JSON.stringify(newer));
    expect(reread.ok).toBe(false);
    expect(!reread.ok && reread.problems[0]?.code).toBe('draft.newer');
  });
});
