import { MAX_IMPORT_BYTES, parseImportText } from '../core/import-file';
import { formatProblems } from '../core/problems';
import type { Assessment } from '../core/schema';

export type ImportRead = { ok: true; assessments: Assessment[] } | { ok: false; errors: string[] };

/** What the import needs of a File (tests and the drop zone pass their own). */
export interface ImportSource {
  name: string;
  size: number;
  text: () => Promise<string>;
}

/**
 * Reads every chosen file; the import goes ahead only if all of them are
 * valid. Each error line says which file and which field.
 */
export async function readImportFiles(files: readonly ImportSource[]): Promise<ImportRead> {
  const assessments: Assessment[] = [];
  const errors: string[] = [];
  for (const file of files) {
    if (file.size > MAX_IMPORT_BYTES) {
      errors.push(
        `${file.name}: the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
      );
      continue;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      errors.push(`${file.name}: the file could not be read`);
      continue;
    }
    const parsed = parseImportText(text);
    if (parsed.ok) assessments.push(...parsed.assessments);
    else errors.push(...formatProblems(file.name, parsed.problems).split('\n'));
  }
  const ids = new Set<string>();
  for (const a of assessments) {
    if (ids.has(a.id))
      errors.push(`the assessment id "${a.id}" is in more than one of the chosen files`);
    ids.add(a.id);
  }
  return errors.length === 0 ? { ok: true, assessments } : { ok: false, errors };
}
