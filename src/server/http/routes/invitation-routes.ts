import {
  acceptInvitation,
  createInvitation,
  inspectInvitation,
  invitationLink,
} from '../../auth/invitations';
import { hashPassword } from '../../auth/password';
import { createSession } from '../../auth/sessions';
import { hashToken } from '../../auth/tokens';
import { recordAudit } from '../../store/audit-log';
import {
  acceptInvitationBody,
  createInvitationBody,
  errorBody,
  invitationBody,
  meBody,
  tokenBody,
} from '../api-schemas';
import { memberRoute, publicRoute, type Route } from '../route';
import { setSessionCookie } from '../session-cookie';

export const invitationRoutes: Route[] = [
  memberRoute(
    {
      method: 'POST',
      path: '/api/invitations',
      summary: 'Invite someone: a one-time link, valid for 7 days',
      tag: 'members',
      access: ['owner'],
      body: createInvitationBody,
      responses: { 201: { description: 'the link to send', schema: invitationBody } },
    },
    async ({ body, member, reply, context }) => {
      const deal = body.deal ?? null;
      const issued = await context.db.transaction(async (tx) => {
        const created = await createInvitation(tx, { role: body.role, deal, createdBy: member.id });
        await recordAudit(tx, {
          actor: member,
          action: 'invited',
          targetType: 'invitation',
          targetId: hashToken(created.token).slice(0, 16),
          deal,
          detail: `${body.role}, expires ${created.expiresAt}`,
        });
        return created;
      });
      reply.code(201);
      return {
        link: invitationLink(context.publicUrl, issued.token),
        role: body.role,
        deal,
        expiresAt: issued.expiresAt,
      };
    },
  ),
  publicRoute(
    {
      method: 'POST',
      path: '/api/invitations/inspect',
      summary: 'What an invitation grants, before accepting it',
      tag: 'members',
      access: 'public',
      body: tokenBody,
      responses: {
        200: { description: 'role, deal and expiry' },
        410: { description: 'unknown, used or expired', schema: errorBody },
      },
    },
    async ({ body, context }) => inspectInvitation(context.db, body.token),
  ),
  publicRoute(
    {
      method: 'POST',
      path: '/api/invitations/accept',
      summary: 'Accept an invitation: choose a username and password, and sign in',
      tag: 'members',
      access: 'public',
      body: acceptInvitationBody,
      responses: {
        201: { description: 'the new member, signed in', schema: meBody },
        409: { description: 'username taken', schema: errorBody },
        410: { description: 'unknown, used or expired', schema: errorBody },
      },
    },
    async ({ body, request, reply, context }) => {
      const passwordHash = await hashPassword(body.password);
      const { member, token } = await context.db.transaction(async (tx) => {
        const joined = await acceptInvitation(
          tx,
          body.token,
          body.username.normalize('NFC'),
          passwordHash,
        );
        await recordAudit(tx, {
          actor: joined,
          action: 'joined',
          targetType: 'member',
          targetId: joined.id,
          deal: joined.deal,
          detail: `${joined.username} as ${joined.role}`,
        });
        return { member: joined, token: await createSession(tx, joined.id) };
      });
      setSessionCookie(request, reply, token);
      reply.code(201);
      return member;
    },
  ),
];
