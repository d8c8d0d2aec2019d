import { validateAssessment } from '../../core/assessment-file';
import { isRecord, problemsFromZod, type Problem } from '../../core/problems';
import { parseJsonSafely } from '../../core/safe-json';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Assessment } from '../../core/schema';
import { z } from '../../core/zod';
import { TEAM_ROLES } from '../auth/member';

const teamSectionSchema = z.strictObject({
  version: z.literal(1),
  assessments: z.record(
    z.string(),
    z.strictObject({
      author: z.string().min(1),
      role: z.enum(TEAM_ROLES),
      deal: z.string().nullable(),
      revision: z.int().min(1),
      submittedAt: z.iso.datetime({ offset: true }).nullable(),
    }),
  ),
  deals: z.record(
    z.string(),
    z.strictObject({ name: z.string(), revealedAt: z.iso.datetime({ offset: true }).nullable() }),
  ),
});
export type TeamMetadata = z.infer<typeof teamSectionSchema>;

export type ReadBackup =
  | { ok: true; assessments: Assessment[]; team: TeamMetadata | null }
  | { ok: false; problems: Problem[] };

/**
 * Reads a bundle, a server backup or one the app exported, never trusting
 * it: the core's safe JSON reader, then every assessment through the core's
 * validator (migrating older versions), then the server's own section.
 * Unlike the app's import it has no count limit: a fund's backup can hold
 * more than the app would take in one import.
 */
export function readBackup(text: string): ReadBackup {
  const json = parseJsonSafely(text);
  if (!json.ok) return json;
  const bundle = json.value;
  if (!isRecord(bundle) || bundle.format !== BUNDLE_FORMAT) {
    return fail('format', `expected a Moatscore bundle ("format": "${BUNDLE_FORMAT}")`);
  }
  if (typeof bundle.version !== 'number' || bundle.version > BUNDLE_VERSION) {
    return fail(
      'version',
      `this bundle's version (${JSON.stringify(bundle.version)}) is not one this Moatscore reads (up to ${BUNDLE_VERSION})`,
    );
  }
  if (!Array.isArray(bundle.assessments))
    return fail('assessments', 'expected a list of assessments');
  const problems: Problem[] = [];
  const assessments: Assessment[] = [];
  const seen = new Set<string>();
  bundle.assessments.forEach((item: unknown, i) => {
    const checked = validateAssessment(item);
    if (!checked.ok) {
      problems.push(
        ...checked.problems.map((p) => ({ ...p, path: `assessments[${i}].${p.path}` })),
      );
    } else if (seen.has(checked.value.id)) {
      problems.push({
        path: `assessments[${i}].id`,
        message: `the id "${checked.value.id}" appears twice`,
      });
    } else {
      seen.add(checked.value.id);
      assessments.push(checked.value);
    }
  });
  let team: TeamMetadata | null = null;
  if (bundle.team !== undefined) {
    const parsed = teamSectionSchema.safeParse(bundle.team);
    if (parsed.success) team = parsed.data;
    else
      problems.push(
        ...problemsFromZod(parsed.error, bundle.team).map((p) => ({
          ...p,
          path: `team.${p.path}`,
        })),
      );
  }
  return problems.length === 0 ? { ok: true, assessments, team } : { ok: false, problems };
}

function fail(path: string, message: string): ReadBackup {
  return { ok: false, problems: [{ path, message }] };
}
