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
export const ASSESSMENT_VERSION = 2;
export const DRAFT_FORMAT = 'moatscore.draft';
export const DRAFT_VERSION = 1;
export const BUNDLE_FORMAT = 'moatscore.bundle';
export const BUNDLE_VERSION = 1;
export const MAX_DEAL_KEY_LENGTH = 100;

export const MAX_NOTES_LENGTH = 10_000;
export const MAX_NAME_LENGTH = 200;
/** Any one rubric text (a descriptor, a question) in one language: as long as notes may be. */
export const MAX_RUBRIC_TEXT_LENGTH = MAX_NOTES_LENGTH;
