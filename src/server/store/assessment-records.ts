import type { Member } from '../auth/member';
import type { Queryable } from '../db/database';
import { toIso, toIsoOrNull } from '../db/database';

/** An assessment as the API returns it: the file as written, plus who wrote it and its revision. */
export interface AssessmentRecord {
  id: string;
  deal: string;
  author: { id: string; username: string };
  revision: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  assessment: unknown;
}

export interface AssessmentRow {
  id: string;
  deal: string;
  author_id: string;
  author_name: string;
  revision: number;
  body: string;
  created_at: unknown;
  updated_at: unknown;
  submitted_at: unknown;
}

export const RECORD_COLUMNS = `a.id, a.deal, a.author_id, m.username as author_name, a.revision, a.body,
  a.created_at, a.updated_at, a.submitted_at`;

export function recordFromRow(row: AssessmentRow): AssessmentRecord {
  return {
    id: row.id,
    deal: row.deal,
    author: { id: row.author_id, username: row.author_name },
    revision: row.revision,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    submittedAt: toIsoOrNull(row.submitted_at),
    assessment: JSON.parse(row.body) as unknown,
  };
}

/**
 * Blind scoring, as one SQL condition over `a` (assessments) joined with `d`
 * (its deal), for the member in $1 with the role in $2. Your own work is
 * always yours. Someone else's is shared only once it is submitted, only
 * with owners and partners, and only after you submitted your own on that
 * deal or an owner revealed the deal. Founder guests see only their own.
 * Every read of assessment data goes through this, so nothing a member may
 * not see ever leaves the database.
 */
export const VISIBLE_TO_MEMBER = `(
  a.author_id = $1
  or ($2 in ('owner', 'partner')
      and a.submitted_at is not null
      and (d.revealed_at is not null
           or exists (select 1 from assessments mine
                       where mine.deal = a.deal and mine.author_id = $1
                         and mine.submitted_at is not null)))
)`;

const FROM = `from assessments a
  join deals d on d.key = a.deal
  join members m on m.id = a.author_id`;

export async function findVisibleAssessment(
  q: Queryable,
  member: Member,
  id: string,
): Promise<AssessmentRecord | null> {
  const rows = await q.query<AssessmentRow>(
    `select ${RECORD_COLUMNS} ${FROM} where ${VISIBLE_TO_MEMBER} and a.id = $3`,
    [member.id, member.role, id],
  );
  return rows[0] === undefined ? null : recordFromRow(rows[0]);
}

export async function listVisibleInDeal(
  q: Queryable,
  member: Member,
  deal: string,
): Promise<AssessmentRecord[]> {
  const rows = await q.query<AssessmentRow>(
    `select ${RECORD_COLUMNS} ${FROM} where ${VISIBLE_TO_MEMBER} and a.deal = $3 order by a.created_at, a.id`,
    [member.id, member.role, deal],
  );
  return rows.map(recordFromRow);
}

/** The caller's own assessments without their bodies: what a sync client compares revisions with. */
export async function listOwnAssessments(q: Queryable, member: Member) {
  const rows = await q.query<{
    id: string;
    deal: string;
    revision: number;
    updated_at: unknown;
    submitted_at: unknown;
  }>(
    `select id, deal, revision, updated_at, submitted_at from assessments
      where author_id = $1 order by updated_at desc, id`,
    [member.id],
  );
  return rows.map((row) => ({
    id: row.id,
    deal: row.deal,
    revision: row.revision,
    updatedAt: toIso(row.updated_at),
    submittedAt: toIsoOrNull(row.submitted_at),
  }));
}

/** The row as stored, whoever wrote it, locked for this transaction: for checks, never returned as is. */
export async function lockAssessmentRow(q: Queryable, id: string): Promise<AssessmentRow | null> {
  const rows = await q.query<AssessmentRow>(
    `select ${RECORD_COLUMNS} from assessments a join members m on m.id = a.author_id
      where a.id = $1 for update of a`,
    [id],
  );
  return rows[0] ?? null;
}

export type AssessmentMeta = Omit<AssessmentRow, 'body'>;

/** The same without the body (tens of kilobytes): what most checks need. */
export async function lockAssessmentMeta(q: Queryable, id: string): Promise<AssessmentMeta | null> {
  const rows = await q.query<AssessmentMeta>(
    `select a.id, a.deal, a.author_id, m.username as author_name, a.revision,
            a.created_at, a.updated_at, a.submitted_at
       from assessments a join members m on m.id = a.author_id
      where a.id = $1 for update of a`,
    [id],
  );
  return rows[0] ?? null;
}

/** A row with its body, once a check has shown the caller may have it (their own). */
export async function readAssessmentRecord(
  q: Queryable,
  id: string,
): Promise<AssessmentRecord | null> {
  const rows = await q.query<AssessmentRow>(
    `select ${RECORD_COLUMNS} from assessments a join members m on m.id = a.author_id where a.id = $1`,
    [id],
  );
  return rows[0] === undefined ? null : recordFromRow(rows[0]);
}
