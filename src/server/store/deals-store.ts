import { isFundMember, type Member } from '../auth/member';
import type { Database, Queryable } from '../db/database';
import { toIso, toIsoOrNull, toNumber } from '../db/database';
import { notFound } from '../http/http-error';
import { recordAudit } from './audit-log';
import { recordChange } from './changes';

/**
 * A deal as a member may see it: who rated and how many submitted, never
 * what they answered. Founder guests see only their own deal, and no counts
 * of the fund's raters.
 */
export interface DealSummary {
  key: string;
  name: string;
  createdAt: string;
  revealedAt: string | null;
  raters: number | null;
  submitted: number | null;
  /** Whether the caller may see the others' submitted assessments (blind scoring). */
  othersVisible: boolean;
}

interface DealRow {
  key: string;
  name: string;
  created_at: unknown;
  revealed_at: unknown;
  raters: unknown;
  submitted: unknown;
  mine_submitted: boolean;
}

/**
 * $1 member id, $2 role, $3 founder's deal (or null for everyone in the fund).
 * The counts are one grouped pass over assessments, not a subquery per deal.
 */
const DEAL_QUERY = `
  with counts as (
    select deal,
           count(distinct author_id) as raters,
           count(*) filter (where submitted_at is not null) as submitted,
           bool_or(author_id = $1 and submitted_at is not null) as mine_submitted
      from assessments group by deal)
  select d.key, d.name, d.created_at, d.revealed_at,
         coalesce(c.raters, 0) as raters, coalesce(c.submitted, 0) as submitted,
         coalesce(c.mine_submitted, false) as mine_submitted
    from deals d left join counts c on c.deal = d.key
   where ($2 in ('owner', 'partner') or d.key = $3)`;

function summaryFromRow(member: Member, row: DealRow): DealSummary {
  const fund = isFundMember(member);
  return {
    key: row.key,
    name: row.name,
    createdAt: toIso(row.created_at),
    revealedAt: toIsoOrNull(row.revealed_at),
    raters: fund ? toNumber(row.raters) : null,
    submitted: fund ? toNumber(row.submitted) : null,
    othersVisible: fund && (row.revealed_at !== null || row.mine_submitted),
  };
}

export async function listDeals(q: Queryable, member: Member): Promise<DealSummary[]> {
  const rows = await q.query<DealRow>(`${DEAL_QUERY} order by d.created_at desc, d.key`, [
    member.id,
    member.role,
    member.deal,
  ]);
  return rows.map((row) => summaryFromRow(member, row));
}

export async function findDeal(
  q: Queryable,
  member: Member,
  key: string,
): Promise<DealSummary | null> {
  const rows = await q.query<DealRow>(`${DEAL_QUERY} and d.key = $4`, [
    member.id,
    member.role,
    member.deal,
    key,
  ]);
  return rows[0] === undefined ? null : summaryFromRow(member, rows[0]);
}

/** Opens every submitted assessment of a deal to the fund, for good. Revealing twice changes nothing. */
export async function revealDeal(db: Database, member: Member, key: string): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ revealed_at: unknown }>(
      'select revealed_at from deals where key = $1 for update',
      [key],
    );
    if (rows[0] === undefined) throw notFound('deal');
    if (rows[0].revealed_at !== null) return;
    await tx.query('update deals set revealed_at = now(), revealed_by = $2 where key = $1', [
      key,
      member.id,
    ]);
    await recordAudit(tx, {
      actor: member,
      action: 'revealed',
      targetType: 'deal',
      targetId: key,
      deal: key,
    });
    await recordChange(tx, { kind: 'revealed', audience: 'team', deal: key });
  });
}

/** Deletes a deal and every assessment in it. */
export async function deleteDeal(db: Database, member: Member, key: string): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ count: unknown }>(
      'select (select count(*) from assessments where deal = $1) as count from deals where key = $1',
      [key],
    );
    if (rows[0] === undefined) throw notFound('deal');
    await tx.query('delete from deals where key = $1', [key]);
    await recordAudit(tx, {
      actor: member,
      action: 'deleted',
      targetType: 'deal',
      targetId: key,
      deal: key,
      detail: `with ${toNumber(rows[0].count)} assessments`,
    });
    await recordChange(tx, { kind: 'deal-deleted', audience: 'team', deal: key });
  });
}
