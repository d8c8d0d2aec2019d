import { PRESET_IDS, type PresetId } from '../../catalog/rubric-catalog';
import { MAX_NAME_LENGTH, ROLES, STAGES } from '../../core/schema';
import { z } from '../../core/zod';

/** Messages are i18n keys; the form translates them. */
export const startFormSchema = z.object({
  companyName: z.string().trim().min(1, 'error.companyName').max(MAX_NAME_LENGTH, 'error.tooLong'),
  stage: z.enum(STAGES),
  sector: z.string().trim().max(MAX_NAME_LENGTH, 'error.tooLong'),
  evaluatorName: z
    .string()
    .trim()
    .min(1, 'error.evaluatorName')
    .max(MAX_NAME_LENGTH, 'error.tooLong'),
  role: z.enum(ROLES),
  preset: z.enum(PRESET_IDS as [PresetId, ...PresetId[]]),
});
export type StartForm = z.infer<typeof startFormSchema>;
