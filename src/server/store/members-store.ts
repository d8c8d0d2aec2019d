import type { Member, TeamRole } from '../auth/member';
import type { Database, Queryable } from '../db/database';
import { toIso } from '../db/database';
import { HttpError, notFound } from '../http/http-error';
import { recordAudit } from './audit-log';
import { recordChange } from './changes';

export interface MemberListing {
  id: string;
  username: string;
  role: TeamRole;
  deal: string | null;
  createdAt: string;
}

export async function listMembers(q: Queryable): Promise<MemberListing[]> {
  const rows = await q.query<{
    id: string;
    username: string;
    role: TeamRole;
    deal: string | null;
    created_at: unknown;
  }>(
    `select id, username, role, deal, created_at from members where removed_at is null order by created_at, username`,
  );
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    role: row.role,
    deal: row.deal,
    createdAt: toIso(row.created_at),
  }));
}

/**
 * Removes a member: their sessions end at once (open event streams close),
 * their assessments stay with the deals. The last owner cannot be removed,
 * or nobody could manage the team.
 */
export async function removeMember(db: Database, actor: Member, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    // Serialises removals, so two owners removing each other cannot leave none.
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', ['members']);
    const rows = await tx.query<{ username: string; role: TeamRole }>(
      'select username, role from members where id = $1 and removed_at is null',
      [id],
    );
    const target = rows[0];
    if (target === undefined) throw notFound('member');
    if (target.role === 'owner') {
      const owners = await tx.query(
        "select 1 from members where role = 'owner' and removed_at is null",
      );
      if (owners.length <= 1)
        throw new HttpError(409, 'the last owner cannot be removed; invite another owner first');
    }
    await tx.query('update members set removed_at = now(), password_hash = null where id = $1', [
      id,
    ]);
    await tx.query('delete from sessions where member_id = $1', [id]);
    await recordAudit(tx, {
      actor,
      action: 'removed',
      targetType: 'member',
      targetId: id,
      detail: target.username,
    });
    await recordChange(tx, { kind: 'sessions-ended', audience: 'member', memberId: id });
  });
}
