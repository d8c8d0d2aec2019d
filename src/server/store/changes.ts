import type { Queryable } from '../db/database';

export const CHANGE_CHANNEL = 'moatscore_changes';
const CHANGE_LOCK = 7_270_002;

/**
 * What the live feed carries. `team` changes go to owners and partners
 * (a new deal, a submission, a reveal, a deleted deal: names only); `member` changes go to one
 * member only (their own assessment changed elsewhere, their sessions ended).
 */
export type Change =
  | {
      kind: 'deal-created' | 'submitted' | 'revealed' | 'deal-deleted' | 'assessment-deleted';
      audience: 'team';
      deal: string;
    }
  | {
      kind: 'assessment-changed';
      audience: 'member';
      memberId: string;
      deal: string;
      assessmentId: string;
    }
  | { kind: 'sessions-ended'; audience: 'member'; memberId: string };

/**
 * Appends to the change log in the caller's transaction, and NOTIFYs, which
 * PostgreSQL delivers to every listening instance only when that
 * transaction commits. Call it last in a transaction: it serialises commits. The log's sequence is what instances poll when they
 * cannot listen (PGlite) or missed notifications (a dropped connection).
 */
export async function recordChange(q: Queryable, change: Change): Promise<void> {
  // Held to commit, so sequence numbers become visible in order and a poller that
  // remembers the last one it saw never skips a change that committed late.
  await q.query('select pg_advisory_xact_lock($1)', [CHANGE_LOCK]);
  await q.query(
    `insert into changes (kind, audience, deal, assessment_id, member_id) values ($1, $2, $3, $4, $5)`,
    [
      change.kind,
      change.audience,
      'deal' in change ? change.deal : null,
      'assessmentId' in change ? change.assessmentId : null,
      'memberId' in change ? change.memberId : null,
    ],
  );
  await q.query('select pg_notify($1, $2)', [CHANGE_CHANNEL, '']);
}

export interface ChangeRow {
  seq: number;
  kind: string;
  audience: 'team' | 'member';
  deal: string | null;
  assessmentId: string | null;
  memberId: string | null;
}
