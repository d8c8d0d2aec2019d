import { validateAssessment, type ValidateOptions } from './assessment-file';
import { problem, problemsFromZod, isRecord, within, type Problem } from './problems';
import { parseJsonSafely } from './safe-json';
import { modelEvidenceSchema, type Assessment } from './schema';
import {
  DRAFT_FORMAT,
  DRAFT_VERSION,
  EVIDENCE,
  MAX_ID_LENGTH,
  MAX_MODEL_EVIDENCE,
  MAX_NOTES_LENGTH,
} from './vocabulary';
import type { Validated } from './validate-rubric';
import { z } from './zod';

/**
 * Where the user was: a wizard step (index in section order), the deal-breaker
 * questions (since draft version 2; `question` is the one a Change link asked
 * for), the review, or the results.
 */
export const positionSchema = z.discriminatedUnion('screen', [
  z.strictObject({
    screen: z.literal('step'),
    index: z.number().int().min(0),
    returnToReview: z.boolean().default(false),
  }),
  z.strictObject({
    screen: z.literal('deal-breakers'),
    returnToReview: z.boolean().default(false),
    question: z.string().max(MAX_ID_LENGTH).optional(),
  }),
  z.strictObject({ screen: z.literal('review') }),
  z.strictObject({ screen: z.literal('results') }),
]);
export type Position = z.infer<typeof positionSchema>;

/**
 * What a step's form holds before it is complete: a note, ticked facts or
 * recorded model evidence may come before a rating. `facts` since draft
 * version 2 (absent in version 1), `modelEvidence` since version 3.
 */
export const pendingAnswerSchema = z.strictObject({
  value: z.number().finite().nullable(),
  evidence: z.enum(EVIDENCE).nullable(),
  notes: z.string().max(MAX_NOTES_LENGTH),
  facts: z.array(z.string().max(MAX_ID_LENGTH)).max(100).optional(),
  modelEvidence: z.array(modelEvidenceSchema).max(MAX_MODEL_EVIDENCE).optional(),
});
export type PendingAnswer = z.infer<typeof pendingAnswerSchema>;

/*
 * Version 2 adds the deal-breaker position and ticked facts in pending
 * answers, version 3 model evidence in pending answers; an older record is a
 * valid current record as it is, so it is read and re-labelled. A build that
 * knows only an older version keeps a newer record aside as newer instead of
 * calling it damaged.
 */
const draftRecordSchema = z.strictObject({
  format: z.literal(DRAFT_FORMAT),
  version: z.union([z.literal(1), z.literal(2), z.literal(DRAFT_VERSION)]),
  savedAt: z.iso.datetime({ offset: true }),
  position: positionSchema,
  pending: z.record(z.string(), pendingAnswerSchema),
  // Checked, and migrated from older file versions, by validateAssessment below.
  assessment: z.unknown(),
});
export type DraftRecord = Omit<z.infer<typeof draftRecordSchema>, 'assessment' | 'version'> & {
  version: typeof DRAFT_VERSION;
  assessment: Assessment;
};

/**
 * Reads a saved draft. Anything that is not a valid draft of a version this
 * build knows is reported, with the reason, for the caller to keep aside.
 */
export function parseDraftRecord(text: string): Validated<DraftRecord> {
  const json = parseJsonSafely(text);
  return json.ok ? validateDraftRecord(json.value) : json;
}

/** The same, for a value already parsed; a rubric in `options.knownRubrics` is not checked again. */
export function validateDraftRecord(
  value: unknown,
  options: ValidateOptions = {},
): Validated<DraftRecord> {
  const version = isRecord(value) ? value.version : undefined;
  if (typeof version === 'number' && version > DRAFT_VERSION) {
    return fail(problem('version', 'draft.newer', { version, max: DRAFT_VERSION }));
  }
  const parsed = draftRecordSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error, value) };
  const assessment = validateAssessment(parsed.data.assessment, options);
  if (!assessment.ok) return { ok: false, problems: within('assessment', assessment.problems) };
  return {
    ok: true,
    value: { ...parsed.data, version: DRAFT_VERSION, assessment: assessment.value },
  };
}

export function serializeDraftRecord(record: DraftRecord): string {
  return JSON.stringify(record);
}

function fail(found: Problem): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [found] };
}
