import type { DraftRecord, PendingAnswer } from './draft-record';
import type { Assessment } from './schema';
import { DRAFT_FORMAT, DRAFT_VERSION } from './vocabulary';

/*
 * Working with drafts in memory. No zod here: the first screen uses these
 * before the schema library loads; reading stored drafts is draft-record.ts.
 */

export function newDraft(assessment: Assessment, now: string): DraftRecord {
  return {
    format: DRAFT_FORMAT,
    version: DRAFT_VERSION,
    savedAt: now,
    position: { screen: 'step', index: 0, returnToReview: false },
    pending: {},
    assessment,
  };
}

/**
 * Records a step's form values: a complete pair (rating and evidence) becomes
 * the answer, anything less waits in `pending` so nothing typed is lost.
 */
export function withStepValues(
  draft: DraftRecord,
  fullId: string,
  values: PendingAnswer,
  now: string,
): DraftRecord {
  const previous = Object.hasOwn(draft.assessment.answers, fullId)
    ? draft.assessment.answers[fullId]
    : undefined;
  const answers = without(draft.assessment.answers, fullId);
  const pending = without(draft.pending, fullId);
  if (values.value !== null && values.evidence !== null) {
    // The step form does not carry ticked facts yet; keep those already recorded.
    const facts = previous?.facts ?? [];
    answers[fullId] = {
      value: values.value,
      evidence: values.evidence,
      notes: values.notes,
      facts,
    };
  } else {
    pending[fullId] = values;
  }
  return { ...draft, pending, assessment: { ...draft.assessment, answers, updatedAt: now } };
}

/** What a step's form starts from: unfinished values first, then the saved answer. */
export function stepValuesOf(draft: DraftRecord, fullId: string): PendingAnswer {
  const pending = Object.hasOwn(draft.pending, fullId) ? draft.pending[fullId] : undefined;
  if (pending !== undefined) return pending;
  const answer = Object.hasOwn(draft.assessment.answers, fullId)
    ? draft.assessment.answers[fullId]
    : undefined;
  if (answer === undefined) return { value: null, evidence: null, notes: '' };
  // Only the form's fields: a pending record with more keys would not read back.
  return { value: answer.value, evidence: answer.evidence, notes: answer.notes };
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}
