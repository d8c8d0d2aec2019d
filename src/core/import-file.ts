import { serializeAssessment, validateAssessment } from './assessment-file';
import { isRecord, type Problem } from './problems';
import { parseJsonSafely } from './safe-json';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Assessment } from './schema';

/** An import larger than this is refused before it is read: 200 full assessments fit in 10 MB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_BUNDLE_ASSESSMENTS = 1000;

export type ImportResult =
  { ok: true; assessments: Assessment[] } | { ok: false; problems: Problem[] };

/**
 * Reads the text of one imported file: a single assessment, or a bundle of
 * them. Every problem names its path inside the file; a bundle is accepted
 * whole or not at all.
 */
export function parseImportText(text: string): ImportResult {
  const json = parseJsonSafely(text);
  if (!json.ok) return json;
  const value = json.value;
  if (isRecord(value) && value.format === BUNDLE_FORMAT) return parseBundle(value);
  const checked = validateAssessment(value);
  return checked.ok ? { ok: true, assessments: [checked.value] } : checked;
}

function parseBundle(bundle: Record<string, unknown>): ImportResult {
  if (typeof bundle.version !== 'number' || bundle.version > BUNDLE_VERSION) {
    return fail(
      'version',
      `this bundle's version (${JSON.stringify(bundle.version)}) is not one this Moatscore reads (up to ${BUNDLE_VERSION})`,
    );
  }
  const list = bundle.assessments;
  if (!Array.isArray(list)) return fail('assessments', 'expected a list of assessments');
  if (list.length > MAX_BUNDLE_ASSESSMENTS)
    return fail(
      'assessments',
      `holds ${list.length} assessments; the limit is ${MAX_BUNDLE_ASSESSMENTS}`,
    );
  const assessments: Assessment[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const checked = validateAssessment(item);
    if (!checked.ok) {
      problems.push(
        ...checked.problems.map((p) => ({ ...p, path: `assessments[${i}].${p.path}` })),
      );
      return;
    }
    if (seen.has(checked.value.id)) {
      problems.push({
        path: `assessments[${i}].id`,
        message: `the id "${checked.value.id}" appears twice in this bundle`,
      });
      return;
    }
    seen.add(checked.value.id);
    assessments.push(checked.value);
  });
  return problems.length === 0 ? { ok: true, assessments } : { ok: false, problems };
}

/** The bundle file for a selection: each assessment exactly as its own file would be. */
export function serializeBundle(assessments: readonly Assessment[], exportedAt: string): string {
  const files = assessments.map((a) => JSON.parse(serializeAssessment(a)) as unknown);
  return `${JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt, assessments: files }, null, 2)}\n`;
}

function fail(path: string, message: string): ImportResult {
  return { ok: false, problems: [{ path, message }] };
}
