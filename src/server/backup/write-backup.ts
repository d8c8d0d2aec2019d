import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { problemsForDevelopers } from '../../core/problems';
import { serializeAssessment, validateAssessment } from '../../core/assessment-file';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../../core/vocabulary';
import type { TeamRole } from '../auth/member';
import type { Database } from '../db/database';
import { toIso, toIsoOrNull } from '../db/database';
import { recordAudit } from '../store/audit-log';

/**
 * What a bundle cannot say and the server needs back: who wrote each
 * assessment, its revision and submission, and each deal's reveal. The app
 * ignores this key when it imports the bundle.
 */
export interface TeamSection {
  version: 1;
  assessments: Record<
    string,
    {
      author: string;
      role: TeamRole;
      deal: string | null;
      revision: number;
      submittedAt: string | null;
    }
  >;
  deals: Record<string, { name: string; revealedAt: string | null }>;
}

interface Row {
  id: string;
  body: string;
  revision: number;
  submitted_at: unknown;
  username: string;
  role: TeamRole;
  member_deal: string | null;
}

/**
 * Writes every assessment as a Moatscore bundle (docs/file-format.md), one
 * assessment at a time so a large team does not need it all in one string.
 * Read in one repeatable-read snapshot, so the file is consistent.
 */
export async function writeBackup(
  db: Database,
  file: string,
  now: Date = new Date(),
): Promise<number> {
  // Written beside the target and renamed at the end, so a failed backup never leaves a truncated file.
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8', mode: 0o600 });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const team: TeamSection = { version: 1, assessments: {}, deals: {} };
  let count = 0;
  try {
    await db.transaction(async (tx) => {
      await tx.query('set transaction isolation level repeatable read');
      const deals = await tx.query<{ key: string; name: string; revealed_at: unknown }>(
        'select key, name, revealed_at from deals order by key',
      );
      for (const deal of deals)
        team.deals[deal.key] = { name: deal.name, revealedAt: toIsoOrNull(deal.revealed_at) };
      await write(
        `{\n  "format": ${JSON.stringify(BUNDLE_FORMAT)},\n  "version": ${BUNDLE_VERSION},\n  "exportedAt": ${JSON.stringify(toIso(now))},\n  "assessments": [`,
      );
      const rows = await tx.query<Row>(
        `select a.id, a.body, a.revision, a.submitted_at, m.username, m.role, m.deal as member_deal
           from assessments a join members m on m.id = a.author_id order by a.deal, a.created_at, a.id`,
      );
      for (const row of rows) {
        const checked = validateAssessment(JSON.parse(row.body));
        if (!checked.ok)
          throw new Error(
            `assessment ${row.id} in the database no longer validates: ${problemsForDevelopers(row.id, checked.problems)}`,
          );
        await write(`${count === 0 ? '\n' : ',\n'}${serializeAssessment(checked.value).trimEnd()}`);
        team.assessments[row.id] = {
          author: row.username,
          role: row.role,
          deal: row.member_deal,
          revision: row.revision,
          submittedAt: toIsoOrNull(row.submitted_at),
        };
        count += 1;
      }
      await write(`\n  ],\n  "team": ${JSON.stringify(team, null, 2)}\n}\n`);
      await recordAudit(tx, {
        actor: null,
        action: 'exported',
        targetType: 'backup',
        targetId: file,
        detail: `${count} assessments`,
      });
    });
  } catch (error) {
    out.end();
    await once(out, 'close');
    rmSync(partial, { force: true });
    throw error;
  }
  out.end();
  await once(out, 'close');
  renameSync(partial, file);
  return count;
}
