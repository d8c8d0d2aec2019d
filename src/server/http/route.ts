import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from '../../core/zod';
import type { Member, TeamRole } from '../auth/member';
import type { SessionHandle } from '../auth/sessions';
import type { ServerContext } from './server-context';

/** Who may call a route: anyone, any signed-in member, or the listed roles. */
export type Access = 'public' | 'signed-in' | readonly TeamRole[];

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
}

export interface HandlerInput<B, P, Q> {
  body: B;
  params: P;
  query: Q;
  /** Present on every route that is not public. */
  session: SessionHandle | null;
  request: FastifyRequest;
  reply: FastifyReply;
  context: ServerContext;
}

export interface SignedInInput<B, P, Q> extends HandlerInput<B, P, Q> {
  session: SessionHandle;
  member: Member;
}

/**
 * One row of the route table: what the server does, who may ask, and the
 * zod schemas that both validate requests and make the OpenAPI document.
 * The authorisation tests walk the same table.
 */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify's form: `/api/deals/:key`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: z.ZodType;
  params?: z.ZodType;
  query?: z.ZodType;
  /** Bytes; the server's default applies when absent. */
  bodyLimit?: number;
  responses: Readonly<Record<number, ResponseDoc>>;
  handle(input: HandlerInput<unknown, unknown, unknown>): Promise<unknown>;
}

interface Spec<B extends z.ZodType, P extends z.ZodType, Q extends z.ZodType> extends Omit<
  Route,
  'handle' | 'body' | 'params' | 'query'
> {
  body?: B;
  params?: P;
  query?: Q;
}

type Output<S extends z.ZodType> = z.output<S>;

/** A public route: the handler gets no member. */
export function publicRoute<
  B extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
>(
  spec: Spec<B, P, Q> & { access: 'public' },
  handle: (input: HandlerInput<Output<B>, Output<P>, Output<Q>>) => Promise<unknown>,
): Route {
  return {
    ...spec,
    handle: (input) => handle(input as HandlerInput<Output<B>, Output<P>, Output<Q>>),
  };
}

/** A route for members: the dispatcher has checked the session and the role before the handler runs. */
export function memberRoute<
  B extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
>(
  spec: Spec<B, P, Q> & { access: Exclude<Access, 'public'> },
  handle: (input: SignedInInput<Output<B>, Output<P>, Output<Q>>) => Promise<unknown>,
): Route {
  return {
    ...spec,
    handle: (input) => {
      const session = input.session;
      if (session === null) throw new Error(`${spec.method} ${spec.path} ran without a session`);
      return handle({
        ...(input as HandlerInput<Output<B>, Output<P>, Output<Q>>),
        session,
        member: session.member,
      });
    },
  };
}
