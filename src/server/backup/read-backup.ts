import { parseBundle } from '../../core/import-file';
import { isRecord, problem, problemsFromZod, within, type Problem } from '../../core/problems';
import { parseJsonSafely } from '../../core/safe-json';
import { type Assessment } from '../../core/schema';
import { BUNDLE_FORMAT } from '../../core/vocabulary';
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
    return fail(problem('format', 'bundle.notBundle', { expected: BUNDLE_FORMAT }));
  }
  // The assessments are read as any import is; a backup has no count limit.
  const parsed = parseBundle(bundle, { maxAssessments: null });
  const problems: Problem[] = parsed.ok ? [] : parsed.problems;
  const assessments: Assessment[] = parsed.ok ? parsed.assessments : [];
  let team: TeamMetadata | null = null;
  if (bundle.team !== undefined) {
    const parsed = teamSectionSchema.safeParse(bundle.team);
    if (parsed.success) team = parsed.data;
    else
      for (const p of within('team', problemsFromZod(parsed.error, bundle.team))) problems.push(p);
  }
  return problems.length === 0 ? { ok: true, assessments, team } : { ok: false, problems };
}

function fail(found: Problem): ReadBackup {
  return { ok: false, problems: [found] };
}
