import { dealKeyOf } from '../deal-key';
import { isRecord } from '../problems';

/**
 * Version 2 adds `deal`, the key that gathers several raters' assessments
 * of one company. Version 1 files get the key of their company's name.
 */
export function v1ToV2(file: Record<string, unknown>): Record<string, unknown> {
  const company = isRecord(file.company) ? file.company : {};
  const name = typeof company.name === 'string' ? company.name : '';
  return { ...file, deal: dealKeyOf(name), version: 2 };
}
