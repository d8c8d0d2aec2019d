import { describe, expect, it } from 'vitest';
import { newDraft, stepValuesOf, withStepValues } from '../../src/core/draft';
import { parseDraftRecord, serializeDraftRecord } from '../../src/core/draft-record';
import { makeAssessment } from '../helpers/fixtures';
import { stagedRubric } from '../helpers/staged-rubric';

const NOW = '2026-11-29T12:00:00.000Z';

describe('drafts and ticked facts', () => {
  const assessment = makeAssessment(stagedRubric(), {
    'alpha.x': { value: 2, evidence: 'estimated', notes: 'first', facts: ['x1a', 'x1b'] },
  });

  it('keeps the facts already ticked when the step form changes the rating', () => {
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

  it('gives the step form only its own fields, so a pending record still reads back', () => {
    const draft = newDraft(assessment, NOW);
    const values = stepValuesOf(draft, 'alpha.x');
    expect(values).toEqual({ value: 2, evidence: 'estimated', notes: 'first' });
    const pending = { ...draft, pending: { 'alpha.x': values } };
    expect(parseDraftRecord(serializeDraftRecord(pending)).ok).toBe(true);
  });
});
