import { describeValue, isRecord, problem, type Problem } from '../problems';
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION } from '../vocabulary';
import { v1ToV2 } from './v1-to-v2';
import { v2ToV3 } from './v2-to-v3';
import { v3ToV4 } from './v3-to-v4';

/** One pure function per version step: `MIGRATIONS[n]` takes version n to n + 1. */
type Migration = (file: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: v1ToV2,
  2: v2ToV3,
  3: v3ToV4,
};

export type Migrated = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/** Brings an assessment file of any known version to the current one. */
export function migrateAssessment(input: unknown): Migrated {
  if (!isRecord(input)) return fail(problem('(root)', 'file.notObject'));
  if (input.format !== ASSESSMENT_FORMAT) {
    return fail(
      problem('format', 'file.notAssessment', {
        expected: ASSESSMENT_FORMAT,
        found: describeValue(input.format),
      }),
    );
  }
  const version = input.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(problem('version', 'version.notWhole', { found: describeValue(version) }));
  }
  if (version > ASSESSMENT_VERSION) {
    return fail(problem('version', 'version.newer', { version, max: ASSESSMENT_VERSION }));
  }
  let file: Record<string, unknown> = input;
  for (let v = version; v < ASSESSMENT_VERSION; v += 1) {
    const step = MIGRATIONS[v];
    if (step === undefined) return fail(problem('version', 'version.noMigration', { version: v }));
    file = { ...step(file), version: v + 1 };
  }
  return { ok: true, value: file };
}

function fail(found: Problem): Migrated {
  return { ok: false, problems: [found] };
}
