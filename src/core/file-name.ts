import { dealKeyOf } from './deal-key';

/**
 * The name of every file the app writes (PDF reports, JSON and CSV exports):
 * `moatscore-<company-slug>-<yyyy-mm-dd>.<extension>`. Letters and digits of any
 * script are kept (深湖智能 stays readable); slashes, emoji, dots, control
 * and direction characters become dashes, so the name is safe on every system.
 */
export function exportFileName(company: string, date: Date, extension = 'pdf'): string {
  const short = dealKeyOf(company);
  return `moatscore-${short === '' ? 'assessment' : short}-${date.toISOString().slice(0, 10)}.${extension}`;
}
