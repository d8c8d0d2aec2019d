import type { ProblemCode } from './problems';
import { z } from './zod';
import {
  MAX_DEAL_KEY_LENGTH,
  ASSESSMENT_FORMAT,
  ASSESSMENT_VERSION,
  CHECKLIST_MAX,
  CHECKLIST_MIN,
  DEAL_BREAKER_ANSWERS,
  EVIDENCE,
  MAX_DEAL_BREAKERS,
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_RUBRIC_TEXT_LENGTH,
  ROLES,
  STAGES,
} from './vocabulary';

/** Ids are part of the file format: lower-case, start with a letter. */
export const ID_PATTERN = /^[a-z][a-z0-9-]*$/;
/** Weight sums may drift by this much (e.g. three weights of 33.33…). */
export const WEIGHT_TOLERANCE = 0.01;

const id = z
  .string()
  .max(MAX_ID_LENGTH)
  .regex(ID_PATTERN, 'id.pattern' satisfies ProblemCode);

const text = z.string().trim().min(1).max(MAX_RUBRIC_TEXT_LENGTH);

export const localizedTextSchema = z
  .strictObject({ en: text, zh: text })
  .meta({ id: 'LocalizedText', description: 'Text shown to users, in English and Chinese' });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const weight = z.number().finite().positive();

/** One observable fact a rater can tick: a file, a number, a named customer. */
export const checklistFactSchema = z
  .strictObject({ id, text: localizedTextSchema })
  .meta({ id: 'ChecklistFact' });
export type ChecklistFact = z.infer<typeof checklistFactSchema>;

export const levelSchema = z
  .strictObject({
    value: z.number().finite(),
    label: localizedTextSchema,
    descriptor: localizedTextSchema,
    /** What a rater ticks to show this level holds; ids are unique within the criterion. */
    checklist: z.array(checklistFactSchema).min(CHECKLIST_MIN).max(CHECKLIST_MAX).optional(),
  })
  .meta({ id: 'Level' });
export type Level = z.infer<typeof levelSchema>;

/** Per stage, the level value a fundable company is expected to have reached. */
export const stageExpectationSchema = z
  .strictObject(
    Object.fromEntries(STAGES.map((stage) => [stage, z.number().finite()])) as Record<
      (typeof STAGES)[number],
      z.ZodNumber
    >,
  )
  .meta({ id: 'StageExpectation' });
export type StageExpectation = z.infer<typeof stageExpectationSchema>;

export const criterionSchema = z
  .strictObject({
    id,
    name: localizedTextSchema,
    weight,
    question: localizedTextSchema,
    evidencePrompts: z.array(localizedTextSchema).default([]),
    levels: z.array(levelSchema).min(2),
    knockoutBelow: z.number().finite().optional(),
    expected: stageExpectationSchema.optional(),
  })
  .meta({ id: 'Criterion' });
export type Criterion = z.infer<typeof criterionSchema>;

export const sectionSchema = z
  .strictObject({
    id,
    name: localizedTextSchema,
    description: localizedTextSchema.optional(),
    weight,
    criteria: z.array(criterionSchema).min(1),
  })
  .meta({ id: 'Section' });
export type Section = z.infer<typeof sectionSchema>;

export const bandSchema = z
  .strictObject({
    id,
    min: z.number().finite(),
    max: z.number().finite(),
    label: localizedTextSchema,
    description: localizedTextSchema.optional(),
  })
  .meta({ id: 'Band' });
export type Band = z.infer<typeof bandSchema>;

/** A yes/no question that, answered `walkAwayWhen`, caps the verdict at `capBand`. */
export const dealBreakerSchema = z
  .strictObject({
    id,
    question: localizedTextSchema,
    walkAwayWhen: z.enum(DEAL_BREAKER_ANSWERS),
    explanation: localizedTextSchema,
    /** A band id; without it, the lowest band. */
    capBand: id.optional(),
  })
  .meta({ id: 'DealBreaker' });
export type DealBreaker = z.infer<typeof dealBreakerSchema>;

/** Shape only; the cross-field rules of docs/rubric-format.md live in validate-rubric.ts. */
export const rubricShapeSchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  version: z.string().regex(/^\d+(\.\d+){0,2}$/, 'version.pattern' satisfies ProblemCode),
  name: localizedTextSchema,
  description: localizedTextSchema,
  sections: z.array(sectionSchema).min(1),
  bands: z.array(bandSchema).min(1),
  /** The band a company exactly at its stage's expectations lands in (see stage-expectation.ts). */
  stageBand: id.optional(),
  dealBreakers: z.array(dealBreakerSchema).max(MAX_DEAL_BREAKERS).optional(),
});
export type Rubric = z.infer<typeof rubricShapeSchema>;

export const answerSchema = z.strictObject({
  value: z.number().finite(),
  evidence: z.enum(EVIDENCE),
  notes: z.string().max(MAX_NOTES_LENGTH).default(''),
  /** Ids of the ticked checklist facts of this criterion (since file version 3). */
  facts: z.array(z.string().max(MAX_ID_LENGTH)).max(100).default([]),
});
export type Answer = z.infer<typeof answerSchema>;

/** Keys are full criterion ids, `section.criterion`. */
export type Answers = Record<string, Answer>;

export const companySchema = z.strictObject({
  name: z.string().max(MAX_NAME_LENGTH),
  stage: z.enum(STAGES),
  sector: z.string().max(MAX_NAME_LENGTH).default(''),
});
export const evaluatorSchema = z.strictObject({
  name: z.string().max(MAX_NAME_LENGTH),
  role: z.enum(ROLES),
});

const isoDate = z.iso.datetime({ offset: true, message: 'date.iso' satisfies ProblemCode });

/** Shape only; answers are checked against the rubric snapshot in assessment-file.ts. */
export const assessmentShapeSchema = z.strictObject({
  format: z.literal(ASSESSMENT_FORMAT),
  version: z.literal(ASSESSMENT_VERSION),
  id: z.string().min(1).max(100),
  /** Groups raters of one company (see deal-key.ts). */
  deal: z.string().max(MAX_DEAL_KEY_LENGTH),
  company: companySchema,
  evaluator: evaluatorSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
  rubric: rubricShapeSchema,
  answers: z.record(z.string(), answerSchema),
  /** Deal-breaker id -> the answer given; unanswered questions are absent (since version 3). */
  dealBreakers: z.record(z.string().max(MAX_ID_LENGTH), z.enum(DEAL_BREAKER_ANSWERS)).default({}),
});
export type Assessment = z.infer<typeof assessmentShapeSchema>;
