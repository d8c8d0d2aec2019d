import type { StepValues } from '../../core/draft';
import { factIdsOf } from '../../core/rubric-index';
import { modelEvidenceSchema, type Criterion } from '../../core/schema';
import { EVIDENCE, MAX_NOTES_LENGTH } from '../../core/vocabulary';
import { z } from '../../core/zod';

/** One step's form, from the same limits as the file format; messages are i18n keys. */
export function stepFormSchema(criterion: Criterion) {
  const values = criterion.levels.map((level) => level.value);
  const facts = factIdsOf(criterion);
  return z.object({
    value: z
      .number()
      .nullable()
      .refine((value) => value !== null && values.includes(value), 'error.value'),
    evidence: z
      .enum(EVIDENCE)
      .nullable()
      .refine((evidence) => evidence !== null, 'error.evidence'),
    notes: z.string().max(MAX_NOTES_LENGTH, 'error.notesTooLong'),
    // Only the checkboxes write these: a fact of another criterion can only come from a bug.
    facts: z.array(z.string().refine((fact) => facts.includes(fact))),
    // Only the evidence panel writes these, from computed figures.
    modelEvidence: z.array(modelEvidenceSchema),
  });
}
export type StepForm = StepValues;

export const EMPTY_STEP: StepForm = {
  value: null,
  evidence: null,
  notes: '',
  facts: [],
  modelEvidence: [],
};
