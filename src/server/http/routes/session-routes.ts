import type { Member } from '../../auth/member';
import { decoyHash, verifyPassword } from '../../auth/password';
import { clearAttempts, takeAttempt } from '../../auth/rate-limit';
import { createSession, endAllSessions, endSession } from '../../auth/sessions';
import { recordChange } from '../../store/changes';
import { errorBody, meBody, signInBody } from '../api-schemas';
import { HttpError } from '../http-error';
import { memberRoute, publicRoute, type Route } from '../route';
import { clearSessionCookie, setSessionCookie } from '../session-cookie';

const me = (member: Member) => ({
  id: member.id,
  username: member.username,
  role: member.role,
  deal: member.deal,
});

export const sessionRoutes: Route[] = [
  memberRoute(
    {
      method: 'GET',
      path: '/api/session',
      summary: 'Who is signed in',
      tag: 'session',
      access: 'signed-in',
      responses: { 200: { description: 'the signed-in member', schema: meBody } },
    },
    async ({ member }) => me(member),
  ),
  publicRoute(
    {
      method: 'POST',
      path: '/api/session',
      summary: 'Sign in; sets the session cookie',
      tag: 'session',
      access: 'public',
      body: signInBody,
      responses: {
        200: { description: 'signed in', schema: meBody },
        401: { description: 'wrong username or password', schema: errorBody },
        429: { description: 'too many attempts for this account or address', schema: errorBody },
      },
    },
    async ({ body, request, reply, context }) => {
      const { db, signInLimits } = context;
      const accountBucket = `account:${body.username.normalize('NFC').toLowerCase()}`;
      const allowed =
        (await takeAttempt(db, `address:${request.ip}`, signInLimits.address)) &&
        (await takeAttempt(db, accountBucket, signInLimits.account));
      if (!allowed) {
        reply.header('retry-after', String(signInLimits.account.windowSeconds));
        throw new HttpError(429, 'too many sign-in attempts; wait a few minutes and try again');
      }
      const rows = await db.query<Member & { password_hash: string }>(
        `select id, username, role, deal, password_hash from members
          where lower(username) = lower($1) and removed_at is null and password_hash is not null`,
        [body.username.normalize('NFC')],
      );
      const found = rows[0];
      const valid = await verifyPassword(
        body.password,
        found?.password_hash ?? (await decoyHash()),
      );
      if (found === undefined || !valid) throw new HttpError(401, 'wrong username or password');
      await clearAttempts(db, accountBucket);
      setSessionCookie(request, reply, await createSession(db, found.id));
      return me(found);
    },
  ),
  memberRoute(
    {
      method: 'DELETE',
      path: '/api/session',
      summary: 'Sign out this browser',
      tag: 'session',
      access: 'signed-in',
      responses: { 204: { description: 'signed out' } },
    },
    async ({ session, request, reply, context }) => {
      await context.db.transaction(async (tx) => {
        await endSession(tx, session.tokenHash);
        await recordChange(tx, {
          kind: 'sessions-ended',
          audience: 'member',
          memberId: session.member.id,
        });
      });
      clearSessionCookie(request, reply);
      reply.code(204);
      return null;
    },
  ),
  memberRoute(
    {
      method: 'DELETE',
      path: '/api/sessions',
      summary: 'Sign out everywhere: ends every session of the caller',
      tag: 'session',
      access: 'signed-in',
      responses: { 204: { description: 'every session ended' } },
    },
    async ({ member, request, reply, context }) => {
      await context.db.transaction(async (tx) => {
        await endAllSessions(tx, member.id);
        await recordChange(tx, { kind: 'sessions-ended', audience: 'member', memberId: member.id });
      });
      clearSessionCookie(request, reply);
      reply.code(204);
      return null;
    },
  ),
];
