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
  EVIDENCE_FILE_ROLES,
  EVIDENCE_KINDS,
  EVIDENCE_METRICS,
  MAX_EVIDENCE_FILES,
  MAX_MODEL_EVIDENCE,
  MAX_ROC_POINTS,
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

/**
 * The part of a level's wording that an evaluation file can show, in a form
 * the app can check (evidence-level.ts). Points are the metric on a 0–100
 * scale: an F1 of 0.87 is 87 points, a gain of 0.052 is 5.2 points; BLEU is
 * already on that scale. The rest of the level's wording is the rater's to check.
 */
export const evidenceThresholdSchema = z
  .strictObject({
    /** The key metrics the level accepts ("F1, or the equivalent key metric"). */
    metrics: z.array(z.enum(EVIDENCE_METRICS)).min(1).max(EVIDENCE_METRICS.length),
    /** At least this many held-out items. */
    minItems: z.number().int().positive().max(1e9).optional(),
    /** A baseline scored on the same items. */
    baseline: z.boolean().optional(),
    /** The key metric at least this, in points. */
    min: z.number().finite().min(0).max(100).optional(),
    /** The key metric's gain over the baseline at least this, in points. */
    delta: z.number().finite().positive().max(100).optional(),
    /** The gain's 95 % interval lies above zero: a gain chance does not explain. */
    lowerBoundAboveZero: z.boolean().optional(),
  })
  .meta({ id: 'EvidenceThreshold' });
export type EvidenceThreshold = z.infer<typeof evidenceThresholdSchema>;

export const levelSchema = z
  .strictObject({
    value: z.number().finite(),
    label: localizedTextSchema,
    descriptor: localizedTextSchema,
    /** What a rater ticks to show this level holds; ids are unique within the criterion. */
    checklist: z.array(checklistFactSchema).min(CHECKLIST_MIN).max(CHECKLIST_MAX).optional(),
    evidenceThreshold: evidenceThresholdSchema.optional(),
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

const isoDate = z.iso.datetime({ offset: true, message: 'date.iso' satisfies ProblemCode });

/** A metric with its 95 % interval (null when every resample left it undefined). */
const figureSchema = z.strictObject({
  value: z.number().finite(),
  low: z.number().finite().nullable(),
  high: z.number().finite().nullable(),
});
export type Figure = z.infer<typeof figureSchema>;
/** Metric → figure; a metric that does not apply, or is undefined on the data, is absent. */
const figuresSchema = z.strictObject({
  accuracy: figureSchema.optional(),
  precision: figureSchema.optional(),
  recall: figureSchema.optional(),
  f1: figureSchema.optional(),
  auc: figureSchema.optional(),
  bleu: figureSchema.optional(),
});
export type Figures = z.infer<typeof figuresSchema>;
const unit = z.number().min(0).max(1);

/**
 * Evaluation figures computed from the founder's own files (in the browser;
 * the files never leave it): the figures and the files' digests, never the
 * files. Every key is always written, in this order (null when it does not apply).
 */
export const modelEvidenceSchema = z.strictObject({
  task: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  /** The held-out set the model was scored on ("customer A's March test set"). */
  heldOut: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  kind: z.enum(EVIDENCE_KINDS),
  /** Items scored (rows, or text segments; every fold's rows together). */
  n: z.number().int().positive().max(1e9),
  /** Cross-validation: how many folds. */
  folds: z.number().int().positive().max(10_000).nullable(),
  /** The metric the task is judged by, named by the rater; thresholds read this one. */
  keyMetric: z.enum(EVIDENCE_METRICS),
  metrics: figuresSchema,
  /** Model minus baseline on the same items, with paired intervals; null without a baseline. */
  deltas: figuresSchema.nullable(),
  /** Two classes: the positive class's label. */
  positive: z.string().max(MAX_NAME_LENGTH).nullable(),
  /** Score files: a score at or above it is called positive. */
  threshold: z.number().finite().nullable(),
  bootstrap: z.strictObject({
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    resamples: z.number().int().min(1).max(100_000),
  }),
  /** Score files: the ROC curve thinned for drawing, from (0, 0) to (1, 1). */
  roc: z
    .strictObject({
      fpr: z.array(unit).min(2).max(MAX_ROC_POINTS),
      tpr: z.array(unit).min(2).max(MAX_ROC_POINTS),
    })
    .refine((roc) => roc.fpr.length === roc.tpr.length, 'value.invalid' satisfies ProblemCode)
    .nullable(),
  files: z
    .array(
      z.strictObject({
        role: z.enum(EVIDENCE_FILE_ROLES),
        name: z.string().min(1).max(MAX_NAME_LENGTH),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'value.invalid' satisfies ProblemCode),
      }),
    )
    .min(1)
    .max(MAX_EVIDENCE_FILES),
  computedAt: isoDate,
  /** The level value the figures support under the rubric (levelSupportedByEvidence), or null. */
  suggestedLevel: z.number().finite().nullable(),
  /** The rater accepted that level and marked the answer's evidence verified. */
  accepted: z.boolean(),
});
export type ModelEvidence = z.infer<typeof modelEvidenceSchema>;

export const answerSchema = z.strictObject({
  value: z.number().finite(),
  evidence: z.enum(EVIDENCE),
  notes: z.string().max(MAX_NOTES_LENGTH).default(''),
  /** Ids of the ticked checklist facts of this criterion (since file version 3). */
  facts: z.array(z.string().max(MAX_ID_LENGTH)).max(100).default([]),
  /** Evaluation figures backing the answer (since file version 4); absent when none. */
  modelEvidence: z.array(modelEvidenceSchema).max(MAX_MODEL_EVIDENCE).optional(),
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
