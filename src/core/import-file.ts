import { assessmentFileValue, validateAssessment, type ValidateOptions } from './assessment-file';
import { describeValue, isRecord, problem, within, type Problem } from './problems';
import { parseJsonSafely } from './safe-json';
import type { Assessment } from './schema';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './vocabulary';

/** An import larger than this is refused before it is read: 200 full assessments fit in 10 MB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_BUNDLE_ASSESSMENTS = 1000;

/** `team` carries a team server's backup details (authors, revisions); the app reads past it. */
const BUNDLE_KEYS = new Set(['format', 'version', 'exportedAt', 'assessments', 'team']);

export type ImportResult =
  { ok: true; assessments: Assessment[] } | { ok: false; problems: Problem[] };

/**
 * Reads the text of one imported file: a single assessment, or a bundle of
 * them. Every problem names its path inside the file; a bundle is accepted
 * whole or not at all.
 */
export function parseImportText(text: string): ImportResult {
  const json = parseJsonSafely(text);
  return json.ok ? parseImportValue(json.value) : json;
}

/** The same, for a value already parsed (and checked by parseJsonSafely). */
export function parseImportValue(value: unknown, options: ValidateOptions = {}): ImportResult {
  if (isRecord(value) && value.format === BUNDLE_FORMAT) return parseBundle(value, options);
  const checked = validateAssessment(value, options);
  return checked.ok ? { ok: true, assessments: [checked.value] } : checked;
}

/** How many assessments a value holds, counted before any of them is read. */
export function countImportItems(value: unknown): number {
  if (isRecord(value) && value.format === BUNDLE_FORMAT) {
    return Array.isArray(value.assessments) ? value.assessments.length : 0;
  }
  return 1;
}

export interface BundleOptions extends ValidateOptions {
  /** How many assessments a bundle may hold; null for a team server's backup, which has no limit. */
  maxAssessments?: number | null;
}

/** A bundle (`format: moatscore.bundle`), every assessment checked; all of it or none. */
export function parseBundle(
  bundle: Record<string, unknown>,
  options: BundleOptions = {},
): ImportResult {
  const max =
    options.maxAssessments === undefined ? MAX_BUNDLE_ASSESSMENTS : options.maxAssessments;
  const unknown = Object.keys(bundle).filter((key) => !BUNDLE_KEYS.has(key));
  if (unknown.length > 0) {
    return fail('(root)', 'keys.unknown', { keys: unknown.map((k) => `"${k}"`).join(', ') });
  }
  const version = bundle.version;
  if (
    typeof version !== 'number' ||
    !Number.isInteger(version) ||
    version < 1 ||
    version > BUNDLE_VERSION
  ) {
    return fail('version', 'bundle.version', {
      found: describeValue(version),
      max: BUNDLE_VERSION,
    });
  }
  if (bundle.exportedAt !== undefined && typeof bundle.exportedAt !== 'string') {
    return fail('exportedAt', 'value.wrongType', {
      expected: 'string',
      found: describeValue(bundle.exportedAt),
    });
  }
  const list = bundle.assessments;
  if (!Array.isArray(list)) return fail('assessments', 'bundle.notList');
  if (max !== null && list.length > max) {
    return fail('assessments', 'bundle.tooMany', { count: list.length, max });
  }
  const assessments: Assessment[] = [];
  // Pushed one by one: a hostile file can hold a hundred thousand problems.
  const problems: Problem[] = [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const checked = validateAssessment(item, options);
    if (!checked.ok) {
      for (const p of within(`assessments[${i}]`, checked.problems)) problems.push(p);
      return;
    }
    if (seen.has(checked.value.id)) {
      problems.push(
        problem(`assessments[${i}].id`, 'bundle.duplicateId', { id: checked.value.id }),
      );
      return;
    }
    seen.add(checked.value.id);
    assessments.push(checked.value);
  });
  return problems.length === 0 ? { ok: true, assessments } : { ok: false, problems };
}

/** The bundle for a selection: each assessment exactly as its own file would be. */
export function bundleValue(assessments: readonly Assessment[], exportedAt: string) {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt,
    assessments: assessments.map(assessmentFileValue),
  };
}

export function serializeBundle(assessments: readonly Assessment[], exportedAt: string): string {
  return `${JSON.stringify(bundleValue(assessments, exportedAt), null, 2)}\n`;
}

function fail(...args: Parameters<typeof problem>): ImportResult {
  return { ok: false, problems: [problem(...args)] };
}
