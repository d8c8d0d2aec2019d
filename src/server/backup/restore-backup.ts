import { serializeAssessment } from '../../core/assessment-file';
import type { Assessment } from '../../core/schema';
import type { TeamRole } from '../auth/member';
import { newId } from '../auth/tokens';
import type { Database, Queryable } from '../db/database';
import { recordAudit } from '../store/audit-log';
import { recordChange } from '../store/changes';
import type { TeamMetadata } from './read-backup';

export interface RestoreOptions {
  /** Author of assessments the backup does not attribute (a bundle exported by the app). */
  fallbackAuthor: string | null;
}

export class RestoreError extends Error {}

/**
 * Puts a backup's assessments into the database in one transaction: all of
 * them or, on any problem, none. An assessment with an id already present is
 * replaced. Authors are matched by username; one the database lacks is
 * created without a password (it cannot sign in) so their work stays theirs.
 */
export async function restoreBackup(
  db: Database,
  assessments: readonly Assessment[],
  team: TeamMetadata | null,
  options: RestoreOptions,
): Promise<number> {
  return db.transaction(async (tx) => {
    const authors = new Map<string, string>();
    const touchedDeals = new Set<string>();
    for (const assessment of assessments) {
      const meta = team?.assessments[assessment.id];
      const username = meta?.author ?? options.fallbackAuthor;
      if (username === null) {
        throw new RestoreError(
          `assessment ${assessment.id} has no author in this file (an app export?); name one with --author USERNAME`,
        );
      }
      const key = username.toLowerCase();
      const authorId =
        authors.get(key) ??
        (await findOrCreateAuthor(
          tx,
          username,
          meta?.role ?? 'partner',
          meta?.deal ?? null,
          assessment,
        ));
      authors.set(key, authorId);
      const deal = team?.deals[assessment.deal];
      await tx.query(
        `insert into deals (key, name, revealed_at) values ($1, $2, $3)
         on conflict (key) do update set revealed_at = coalesce(deals.revealed_at, excluded.revealed_at)`,
        [assessment.deal, deal?.name ?? assessment.company.name, deal?.revealedAt ?? null],
      );
      await tx.query(
        `insert into assessments (id, deal, author_id, revision, body, submitted_at, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (id) do update set deal = excluded.deal, author_id = excluded.author_id,
           revision = greatest(assessments.revision + 1, excluded.revision), body = excluded.body,
           submitted_at = excluded.submitted_at, updated_at = now()`,
        [
          assessment.id,
          assessment.deal,
          authorId,
          meta?.revision ?? 1,
          serializeAssessment(assessment),
          meta?.submittedAt ?? null,
          assessment.createdAt,
          assessment.updatedAt,
        ],
      );
      touchedDeals.add(assessment.deal);
    }
    await recordAudit(tx, {
      actor: null,
      action: 'restored',
      targetType: 'backup',
      targetId: `${assessments.length} assessments`,
      detail: [...touchedDeals].join(', ').slice(0, 2000),
    });
    // Running instances (on PostgreSQL) tell open browsers to reload these deals.
    for (const deal of touchedDeals)
      await recordChange(tx, { kind: 'submitted', audience: 'team', deal });
    return assessments.length;
  });
}

async function findOrCreateAuthor(
  tx: Queryable,
  username: string,
  role: TeamRole,
  memberDeal: string | null,
  assessment: Assessment,
): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    'select id from members where lower(username) = lower($1)',
    [username],
  );
  if (rows[0] !== undefined) return rows[0].id;
  const id = newId();
  const deal = role === 'founder' ? (memberDeal ?? assessment.deal) : null;
  await tx.query(
    'insert into members (id, username, role, deal, password_hash) values ($1, $2, $3, $4, null)',
    [id, username, role, deal],
  );
  return id;
}
