import { PRESET_IDS } from '../../catalog/preset-ids';
import { MAX_NAME_LENGTH, type Role, type Stage } from '../../core/vocabulary';
import type { MessageKey } from '../../i18n/t';

export interface StartForm {
  companyName: string;
  stage: Stage;
  sector: string;
  evaluatorName: string;
  role: Role;
  /** `preset:<id>` or `custom:<id>`. */
  preset: string;
}

export const EMPTY_START: StartForm = {
  companyName: '',
  stage: 'seed',
  sector: '',
  evaluatorName: '',
  role: 'founder',
  preset: `preset:${PRESET_IDS[0]}`,
};

export type StartErrors = Partial<Record<keyof StartForm, MessageKey>>;

/**
 * The start form's rules. Plain code rather than a schema: this screen loads
 * first, and the schema library can follow with the wizard.
 */
export function validateStart(form: StartForm): StartErrors {
  const errors: StartErrors = {};
  const name = (value: string, empty: MessageKey) =>
    value.trim() === ''
      ? empty
      : value.trim().length > MAX_NAME_LENGTH
        ? 'error.tooLong'
        : undefined;
  const companyName = name(form.companyName, 'error.companyName');
  if (companyName) errors.companyName = companyName;
  if (form.sector.trim().length > MAX_NAME_LENGTH) errors.sector = 'error.tooLong';
  const evaluatorName = name(form.evaluatorName, 'error.evaluatorName');
  if (evaluatorName) errors.evaluatorName = evaluatorName;
  return errors;
}

/** Trimmed values, ready for a new assessment. */
export function cleanStart(form: StartForm): StartForm {
  return {
    ...form,
    companyName: form.companyName.trim(),
    sector: form.sector.trim(),
    evaluatorName: form.evaluatorName.trim(),
  };
}
