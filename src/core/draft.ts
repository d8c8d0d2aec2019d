import type { DraftRecord, PendingAnswer } from './draft-record';
import type { Answer, Assessment, ModelEvidence } from './schema';
import { DRAFT_FORMAT, DRAFT_VERSION, type DealBreakerAnswer } from './vocabulary';

/*
 * Working with drafts in memory. No zod here: the first screen uses these
 * before the schema library loads; reading stored drafts is draft-record.ts.
 */

/** A step's form values: a pending answer with its ticked facts and model evidence always present. */
export type StepValues = PendingAnswer & { facts: string[]; modelEvidence: ModelEvidence[] };

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
 * the answer, anything less waits in `pending` so nothing typed or ticked is lost.
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
  // Values without facts or evidence (an older pending record, an older caller) keep those recorded.
  const facts = values.facts ?? previous?.facts ?? [];
  const modelEvidence = values.modelEvidence ?? previous?.modelEvidence ?? [];
  // No key for no evidence, as the file writes it.
  const withEvidence = modelEvidence.length > 0 ? { modelEvidence } : {};
  if (values.value !== null && values.evidence !== null) {
    answers[fullId] = {
      value: values.value,
      evidence: values.evidence,
      notes: values.notes,
      facts,
      ...withEvidence,
    } satisfies Answer;
  } else {
    pending[fullId] = {
      value: values.value,
      evidence: values.evidence,
      notes: values.notes,
      facts,
      ...withEvidence,
    };
  }
  return { ...draft, pending, assessment: { ...draft.assessment, answers, updatedAt: now } };
}

/** What a step's form starts from: unfinished values first, then the saved answer. */
export function stepValuesOf(draft: DraftRecord, fullId: string): StepValues {
  const pending = Object.hasOwn(draft.pending, fullId) ? draft.pending[fullId] : undefined;
  const answer = Object.hasOwn(draft.assessment.answers, fullId)
    ? draft.assessment.answers[fullId]
    : undefined;
  if (pending !== undefined) {
    return {
      ...pending,
      facts: pending.facts ?? answer?.facts ?? [],
      modelEvidence: pending.modelEvidence ?? answer?.modelEvidence ?? [],
    };
  }
  if (answer === undefined)
    return { value: null, evidence: null, notes: '', facts: [], modelEvidence: [] };
  return {
    value: answer.value,
    evidence: answer.evidence,
    notes: answer.notes,
    facts: answer.facts,
    modelEvidence: answer.modelEvidence ?? [],
  };
}

/** Answers one deal-breaker question, or clears it (null): an unanswered question is absent. */
export function withDealBreakerAnswer(
  draft: DraftRecord,
  id: string,
  answer: DealBreakerAnswer | null,
  now: string,
): DraftRecord {
  const dealBreakers = without(draft.assessment.dealBreakers, id);
  if (answer !== null) dealBreakers[id] = answer;
  return { ...draft, assessment: { ...draft.assessment, dealBreakers, updatedAt: now } };
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}
