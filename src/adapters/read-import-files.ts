import { decodeUtf8 } from '../core/decode-text';
import { MAX_IMPORT_BYTES, parseImportValue } from '../core/import-file';
import { parseJsonSafely } from '../core/safe-json';
import { problem, type Problem } from '../core/problems';
import type { Assessment } from '../core/schema';

export type ImportRead =
  { ok: true; assessments: Assessment[] } | { ok: false; problems: Problem[] };

/** What the import needs of a File (tests and the drop zone pass their own). */
export interface ImportSource {
  name: string;
  size: number;
  arrayBuffer: () => Promise<ArrayBuffer>;
}

/**
 * Reads every chosen file; the import goes ahead only if all of them are
 * valid. Each problem names its file (`source`) and the field.
 */
export async function readImportFiles(files: readonly ImportSource[]): Promise<ImportRead> {
  const assessments: Assessment[] = [];
  // Pushed one by one: a hostile file can hold a hundred thousand problems.
  const problems: Problem[] = [];
  const add = (source: string, found: readonly Problem[]) => {
    for (const p of found) problems.push({ ...p, source });
  };
  for (const file of files) {
    const read = await readJsonFile(file);
    if (!read.ok) {
      add(file.name, read.problems);
      continue;
    }
    const parsed = parseImportValue(read.value);
    if (parsed.ok) for (const a of parsed.assessments) assessments.push(a);
    else add(file.name, parsed.problems);
  }
  const ids = new Set<string>();
  for (const a of assessments) {
    if (ids.has(a.id)) problems.push(problem('(root)', 'import.idInSeveralFiles', { id: a.id }));
    ids.add(a.id);
  }
  return problems.length === 0 ? { ok: true, assessments } : { ok: false, problems };
}

export type JsonRead = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/**
 * A chosen file as parsed JSON: refused unread above the import cap, refused
 * unless it is UTF-8 (a byte-order mark is fine), parsed without trusting it.
 */
export async function readJsonFile(file: ImportSource): Promise<JsonRead> {
  const read = await readText(file);
  return read.ok ? parseJsonSafely(read.text) : read;
}

async function readText(
  file: ImportSource,
): Promise<{ ok: true; text: string } | { ok: false; problems: Problem[] }> {
  if (file.size > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      problems: [
        problem('(root)', 'file.tooLarge', {
          size: (file.size / 1024 / 1024).toFixed(1),
          max: MAX_IMPORT_BYTES / 1024 / 1024,
        }),
      ],
    };
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return { ok: false, problems: [problem('(root)', 'file.unreadable')] };
  }
  return decodeUtf8(new Uint8Array(bytes));
}
