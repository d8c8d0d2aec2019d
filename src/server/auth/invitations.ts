import type { Queryable } from '../db/database';
import { toIso } from '../db/database';
import { isUniqueViolation } from '../db/database-errors';
import { HttpError } from '../http/http-error';
import type { Member, TeamRole } from './member';
import { hashToken, newId, newToken } from './tokens';

export const INVITATION_DAYS = 7;

export interface NewInvitation {
  role: TeamRole;
  /** Required for a founder guest: the one deal they may see. */
  deal: string | null;
  createdBy: string | null;
}

export interface IssuedInvitation {
  token: string;
  expiresAt: string;
}

export async function createInvitation(
  q: Queryable,
  invite: NewInvitation,
): Promise<IssuedInvitation> {
  if ((invite.role === 'founder') !== (invite.deal !== null)) {
    throw new HttpError(
      422,
      'a founder invitation needs a deal key, and only a founder invitation takes one',
    );
  }
  const token = newToken();
  const rows = await q.query<{ expires_at: Date }>(
    `insert into invitations (token_hash, role, deal, created_by, expires_at)
     values ($1, $2, $3, $4, now() + make_interval(days => $5)) returning expires_at`,
    [hashToken(token), invite.role, invite.deal, invite.createdBy, INVITATION_DAYS],
  );
  return { token, expiresAt: toIso(rows[0]!.expires_at) };
}

/** The link a person opens; the token is in the fragment, which browsers never send to a server or in a Referer. */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/#invite=${token}`;
}

interface InvitationRow {
  role: TeamRole;
  deal: string | null;
  created_by: string | null;
  expires_at: Date;
}

const UNUSABLE = 'this invitation is unknown, already used or expired; ask an owner for a new one';

/** What an invitation grants, for the page that asks for a password; a used or expired one is 410. */
export async function inspectInvitation(q: Queryable, token: string) {
  const rows = await q.query<InvitationRow>(
    `select role, deal, created_by, expires_at from invitations
      where token_hash = $1 and used_at is null and expires_at > now()`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (row === undefined) throw new HttpError(410, UNUSABLE);
  return { role: row.role, deal: row.deal, expiresAt: toIso(row.expires_at) };
}

/**
 * Uses an invitation once: marks it used and creates the member in the same
 * transaction, so a taken username leaves the invitation usable and two
 * people opening one link cannot both get in.
 */
export async function acceptInvitation(
  tx: Queryable,
  token: string,
  username: string,
  passwordHash: string,
): Promise<Member> {
  const id = newId();
  const rows = await tx.query<InvitationRow>(
    `update invitations set used_at = now(), used_by = null
      where token_hash = $1 and used_at is null and expires_at > now()
      returning role, deal, created_by, expires_at`,
    [hashToken(token)],
  );
  const invitation = rows[0];
  if (invitation === undefined) throw new HttpError(410, UNUSABLE);
  try {
    await tx.query(
      `insert into members (id, username, role, deal, password_hash, invited_by)
       values ($1, $2, $3, $4, $5, $6)`,
      [id, username, invitation.role, invitation.deal, passwordHash, invitation.created_by],
    );
  } catch (error) {
    if (isUniqueViolation(error))
      throw new HttpError(409, `the username "${username}" is taken; choose another`);
    throw error;
  }
  await tx.query('update invitations set used_by = $1 where token_hash = $2', [
    id,
    hashToken(token),
  ]);
  return { id, username, role: invitation.role, deal: invitation.deal };
}
