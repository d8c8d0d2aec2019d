import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemsFromZod } from '../../core/problems';
import { problemLines } from '../../i18n/problem-text';
import type { z } from '../../core/zod';
import { findSession, type SessionHandle } from '../auth/sessions';
import { HttpError } from './http-error';
import type { Route } from './route';
import type { ServerContext } from './server-context';
import { clearSessionCookie, sessionToken } from './session-cookie';

/**
 * Runs one route: session and role first (nothing about the request is
 * looked at before that), then params, query and body through their zod
 * schemas, then the handler.
 */
export async function dispatch(
  route: Route,
  request: FastifyRequest,
  reply: FastifyReply,
  context: ServerContext,
): Promise<unknown> {
  const session =
    route.access === 'public' ? null : await authenticate(route, request, reply, context);
  const params = parse(route.params, request.params, 'path');
  const query = parse(route.query, request.query, 'query');
  const body = parse(route.body, request.body, 'body');
  const result = await route.handle({ body, params, query, session, request, reply, context });
  if (reply.sent) return reply;
  if (reply.statusCode === 204) return reply.send();
  return result;
}

async function authenticate(
  route: Route,
  request: FastifyRequest,
  reply: FastifyReply,
  context: ServerContext,
): Promise<SessionHandle> {
  const token = sessionToken(request);
  if (token === null) throw new HttpError(401, 'sign in first');
  const session = await findSession(context.db, token);
  if (session === null) {
    clearSessionCookie(request, reply);
    throw new HttpError(401, 'your session has ended; sign in again');
  }
  const roles = route.access;
  if (typeof roles !== 'string' && !roles.includes(session.member.role)) {
    throw new HttpError(403, `only ${roles.join(' or ')} members may do this`);
  }
  return session;
}

function parse(schema: z.ZodType | undefined, input: unknown, where: string): unknown {
  if (schema === undefined) return undefined;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = problemsFromZod(parsed.error, input);
  throw new HttpError(
    400,
    `invalid request ${where}: ${problemLines(problems, 'en').replaceAll('\n', '; ')}`,
    { problems },
  );
}
