import type { ProblemCode } from './problems';
import { z } from './zod';
import {
  MAX_DEAL_KEY_LENGTH,
  ASSESSMENT_FORMAT,
  ASSESSMENT_VERSION,
  EVIDENCE,
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

const id = z.string().regex(ID_PATTERN, 'id.pattern' satisfies ProblemCode);

export const localizedTextSchema = z
  .strictObject({
    en: z.string().trim().min(1).max(MAX_RUBRIC_TEXT_LENGTH),
    zh: z.string().trim().min(1).max(MAX_RUBRIC_TEXT_LENGTH),
  })
  .meta({ id: 'LocalizedText', description: 'Text shown to users, in English and Chinese' });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const weight = z.number().finite().positive('weight must be positive');

export const levelSchema = z
  .strictObject({
    value: z.number().finite(),
    label: localizedTextSchema,
    descriptor: localizedTextSchema,
  })
  .meta({ id: 'Level' });
export type Level = z.infer<typeof levelSchema>;

export const criterionSchema = z
  .strictObject({
    id,
    name: localizedTextSchema,
    weight,
    question: localizedTextSchema,
    evidencePrompts: z.array(localizedTextSchema).default([]),
    levels: z.array(levelSchema).min(2),
    knockoutBelow: z.number().finite().optional(),
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

/** Shape only; the cross-field rules of PRODUCT.md §2 live in validate-rubric.ts. */
export const rubricShapeSchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  version: z.string().regex(/^\d+(\.\d+){0,2}$/, 'version.pattern' satisfies ProblemCode),
  name: localizedTextSchema,
  description: localizedTextSchema,
  sections: z.array(sectionSchema).min(1),
  bands: z.array(bandSchema).min(1),
});
export type Rubric = z.infer<typeof rubricShapeSchema>;

export const answerSchema = z.strictObject({
  value: z.number().finite(),
  evidence: z.enum(EVIDENCE),
  notes: z.string().max(MAX_NOTES_LENGTH).default(''),
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
});
export type Assessment = z.infer<typeof assessmentShapeSchema>;
