import { serializeAssessment } from '../core/assessment-file';
import { exportFileName } from '../core/file-name';
import { serializeBundle } from '../core/import-file';
import type { Assessment } from '../core/schema';
import type { Lang } from '../core/vocabulary';
import { downloadFile } from './download-file';

/*
 * The files the app hands the user: each assessment exactly as its own file,
 * a bundle of several, and CSV for spreadsheets. Nothing leaves the machine.
 */

const utf8 = (text: string) => new TextEncoder().encode(text);

export function downloadAssessment(assessment: Assessment, now = new Date()): void {
  downloadFile(
    utf8(serializeAssessment(assessment)),
    exportFileName(assessment.company.name, now, 'json'),
    'application/json',
  );
}

/** One file holding several assessments, named after `name` (a company, or "assessments"). */
export function downloadBundle(
  assessments: readonly Assessment[],
  name: string,
  now = new Date(),
): void {
  downloadFile(
    utf8(serializeBundle(assessments, now.toISOString())),
    exportFileName(name, now, 'json'),
    'application/json',
  );
}

/** One row per assessment (`wide`) or one per answer (`long`); the CSV code loads on demand. */
export async function downloadAssessmentsCsv(
  assessments: readonly Assessment[],
  form: 'wide' | 'long',
  lang: Lang,
  now = new Date(),
): Promise<void> {
  const csv = await import('../core/csv-export');
  const text =
    form === 'wide'
      ? csv.assessmentsToCsvWide(assessments, lang)
      : csv.assessmentsToCsvLong(assessments, lang);
  downloadCsv(text, form === 'wide' ? 'assessments' : 'answers', now);
}

export function downloadCsv(text: string, name: string, now = new Date()): void {
  downloadFile(utf8(text), exportFileName(name, now, 'csv'), 'text/csv;charset=utf-8');
}
