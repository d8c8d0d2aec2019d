import { validateAssessment } from '../../core/assessment-file';
import { zodIssueOf } from '../../core/problems';
import { MAX_DEAL_KEY_LENGTH } from '../../core/vocabulary';
import { validateRubric } from '../../core/validate-rubric';
import { z } from '../../core/zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password';
import { TEAM_ROLES } from '../auth/member';

/**
 * Request and response shapes of the API. The same schemas validate each
 * request and make the OpenAPI document (openapi.ts), so the two cannot drift.
 */

/** An assessment file, checked by the core exactly as an import is (migrated, shape, rubric rules, answers). */
export const assessmentFileSchema = z.unknown().transform((input, ctx) => {
  const checked = validateAssessment(input);
  if (checked.ok) return checked.value;
  for (const problem of checked.problems) ctx.addIssue({ ...zodIssueOf(problem), input });
  return z.NEVER;
});

/** A rubric, checked by the core's validator (shape and every cross-field rule). */
export const rubricFileSchema = z.unknown().transform((input, ctx) => {
  const checked = validateRubric(input);
  if (checked.ok) return checked.value;
  for (const problem of checked.problems) ctx.addIssue({ ...zodIssueOf(problem), input });
  return z.NEVER;
});

export const usernameSchema = z
  .string()
  .regex(/^[\p{L}\p{N}._-]{2,40}$/u, '2 to 40 letters, digits, dots, dashes or underscores');
const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH);
const tokenSchema = z.string().min(20).max(100);
export const dealKeySchema = z.string().trim().min(1).max(MAX_DEAL_KEY_LENGTH);
const assessmentIdSchema = z.string().min(1).max(100);
const uuidSchema = z.uuid();

export const signInBody = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
export const tokenBody = z.strictObject({ token: tokenSchema });
export const acceptInvitationBody = z.strictObject({
  token: tokenSchema,
  username: usernameSchema,
  password: passwordSchema,
});
export const createInvitationBody = z
  .strictObject({ role: z.enum(TEAM_ROLES), deal: dealKeySchema.optional() })
  .refine((body) => (body.role === 'founder') === (body.deal !== undefined), {
    message: 'a founder invitation needs a deal key, and only a founder invitation takes one',
    path: ['deal'],
  });
export const writeAssessmentBody = z.strictObject({
  writeId: uuidSchema.describe('chosen by the client for this edit; a retry sends the same one'),
  baseRevision: z.int().min(0).describe('the revision this edit started from; 0 creates'),
  assessment: assessmentFileSchema,
});
export const submitBody = z.strictObject({ revision: z.int().min(1) });

export const idParams = z.strictObject({ id: assessmentIdSchema });
export const memberParams = z.strictObject({ id: uuidSchema });
export const dealParams = z.strictObject({ key: dealKeySchema });
export const rubricParams = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .max(100),
});
export const auditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.coerce.number().int().min(1).optional(),
});

export const errorBody = z
  .object({
    message: z.string(),
    problems: z
      .array(
        z.object({
          path: z.string(),
          code: z.string().describe('what is wrong, as a code (src/core/problems.ts)'),
          params: z.record(z.string(), z.union([z.string(), z.number()])),
        }),
      )
      .optional()
      .describe('each problem with its path; `message` words them in English'),
  })
  .meta({ id: 'Error' });
export const meBody = z
  .object({
    id: z.string(),
    username: z.string(),
    role: z.enum(TEAM_ROLES),
    deal: z.string().nullable(),
  })
  .meta({ id: 'Member' });
export const assessmentRecordBody = z
  .object({
    id: z.string(),
    deal: z.string(),
    author: z.object({ id: z.string(), username: z.string() }),
    revision: z.int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    assessment: z.unknown().describe('the assessment file (docs/file-format.md)'),
  })
  .meta({ id: 'AssessmentRecord' });
export const conflictBody = z
  .object({
    message: z.string(),
    code: z.enum(['revision-conflict', 'submitted', 'missing', 'id-taken']),
    current: assessmentRecordBody.nullable(),
  })
  .meta({ id: 'Conflict' });
export const dealSummaryBody = z
  .object({
    key: z.string(),
    name: z.string(),
    createdAt: z.string(),
    revealedAt: z.string().nullable(),
    raters: z.int().nullable(),
    submitted: z.int().nullable(),
    othersVisible: z.boolean(),
  })
  .meta({ id: 'DealSummary' });
export const dealDetailBody = z.object({
  deal: dealSummaryBody,
  assessments: z.array(assessmentRecordBody),
});
export const invitationBody = z.object({
  link: z.string(),
  role: z.enum(TEAM_ROLES),
  deal: z.string().nullable(),
  expiresAt: z.string(),
});
