/**
 * The file format's fixed words and limits, free of zod so the first screen
 * can use them without loading the schema library.
 */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export const EVIDENCE = ['verified', 'estimated', 'assumed'] as const;
export type Evidence = (typeof EVIDENCE)[number];
export const ROLES = ['founder', 'investor', 'advisor'] as const;
export type Role = (typeof ROLES)[number];
export const STAGES = ['idea', 'pre-seed', 'seed', 'series-a', 'series-b', 'growth'] as const;
export type Stage = (typeof STAGES)[number];

export const ASSESSMENT_FORMAT = 'moatscore.assessment';
export const ASSESSMENT_VERSION = 4;
export const DRAFT_FORMAT = 'moatscore.draft';
export const DRAFT_VERSION = 3;
export const BUNDLE_FORMAT = 'moatscore.bundle';
export const BUNDLE_VERSION = 1;
export const MAX_DEAL_KEY_LENGTH = 100;

export const MAX_NOTES_LENGTH = 10_000;
export const MAX_NAME_LENGTH = 200;

/** A deal-breaker is a yes/no question; `walkAwayWhen` says which answer caps the verdict. */
export const DEAL_BREAKER_ANSWERS = ['yes', 'no'] as const;
export type DealBreakerAnswer = (typeof DEAL_BREAKER_ANSWERS)[number];

/** Where a rated criterion stands against what its stage expects. */
export const STANDINGS = ['behind', 'at', 'ahead'] as const;
export type Standing = (typeof STANDINGS)[number];

/** Each level's checklist lists this many observable facts. */
export const CHECKLIST_MIN = 2;
export const CHECKLIST_MAX = 4;
/** Caps on rubric text, so a rubric file cannot smuggle in megabytes (notes are capped likewise). */
export const MAX_RUBRIC_TEXT_LENGTH = 4_000;
export const MAX_ID_LENGTH = 64;
export const MAX_DEAL_BREAKERS = 20;

/**
 * The metrics model evidence gives (docs/metrics.md), and so the key metrics a
 * rubric level's evidence threshold may name. Fractions (0–1) except BLEU (0–100).
 */
export const EVIDENCE_METRICS = ['accuracy', 'precision', 'recall', 'f1', 'auc', 'bleu'] as const;
export type EvidenceMetric = (typeof EVIDENCE_METRICS)[number];
/** What the evidence was computed from: predicted classes, scores, folds of either, or text. */
export const EVIDENCE_KINDS = ['classification', 'scores', 'cross-validation', 'bleu'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_FILE_ROLES = ['predictions', 'baseline', 'reference', 'candidate'] as const;
export type EvidenceFileRole = (typeof EVIDENCE_FILE_ROLES)[number];
/** Per answer: a few evaluations (held-out sets, customers), not a results database. */
export const MAX_MODEL_EVIDENCE = 10;
/** The ROC curve is kept for drawing only (the AUC was computed from every point). */
export const MAX_ROC_POINTS = 101;
export const MAX_EVIDENCE_FILES = 8;
