import type { Queryable } from '../db/database';
import { memberFromRow, type Member, type MemberRow } from './member';
import { hashToken, newToken } from './tokens';

/** A session lasts this long from sign-in; then the member signs in again. */
export const SESSION_DAYS = 14;

export interface SessionHandle {
  member: Member;
  tokenHash: string;
}

export async function createSession(q: Queryable, memberId: string): Promise<string> {
  const token = newToken();
  await q.query(
    `insert into sessions (token_hash, member_id, expires_at)
     values ($1, $2, now() + make_interval(days => $3))`,
    [hashToken(token), memberId, SESSION_DAYS],
  );
  return token;
}

/** The member behind a cookie, if the session exists, has not expired and the member was not removed. */
export async function findSession(q: Queryable, token: string): Promise<SessionHandle | null> {
  const tokenHash = hashToken(token);
  const rows = await q.query<MemberRow>(
    `select m.id, m.username, m.role, m.deal
       from sessions s join members m on m.id = s.member_id
      where s.token_hash = $1 and s.expires_at > now() and m.removed_at is null`,
    [tokenHash],
  );
  const row = rows[0];
  return row === undefined ? null : { member: memberFromRow(row), tokenHash };
}

export async function isSessionLive(q: Queryable, tokenHash: string): Promise<boolean> {
  const rows = await q.query(
    `select 1 from sessions s join members m on m.id = s.member_id
      where s.token_hash = $1 and s.expires_at > now() and m.removed_at is null`,
    [tokenHash],
  );
  return rows.length > 0;
}

export async function endSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('delete from sessions where token_hash = $1', [tokenHash]);
}

export async function endAllSessions(q: Queryable, memberId: string): Promise<number> {
  const rows = await q.query('delete from sessions where member_id = $1 returning 1', [memberId]);
  return rows.length;
}

/** Expired sessions are useless but linger; cleared now and then. */
export async function pruneExpiredSessions(q: Queryable): Promise<void> {
  await q.query('delete from sessions where expires_at < now()');
}
