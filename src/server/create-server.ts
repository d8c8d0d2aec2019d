import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { SIGN_IN_LIMITS, type RateLimit } from './auth/rate-limit';
import type { Database } from './db/database';
import { ChangeFeed } from './events/change-feed';
import { dispatch } from './http/dispatch';
import { installErrorReplies } from './http/error-replies';
import { HttpError } from './http/http-error';
import { ROUTES } from './http/route-table';
import { securityHeaders } from './http/security-headers';
import type { ServerContext } from './http/server-context';
import { installStaticApp } from './http/static-app';
import { startMaintenance } from './maintenance';

export interface ServerOptions {
  db: Database;
  publicUrl: string;
  trustProxy: boolean;
  /** The built app; null serves the API only. */
  staticDir: string | null;
  logger?: boolean;
  /** How often the change feed reads the log without a notification. */
  feedPollMs?: number;
  signInLimits?: { account: RateLimit; address: RateLimit };
}

export interface TeamServer {
  app: FastifyInstance;
  context: ServerContext;
  close(): Promise<void>;
}

/** Bodies without a route-specific limit: sign-in, invitations and the like are tiny. */
const DEFAULT_BODY_LIMIT = 64 * 1024;
const CLOSE_GRACE_MS = 3000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The HTTP server over an open, migrated database. The caller listens and, at the end, closes. */
export async function createServer(options: ServerOptions): Promise<TeamServer> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy,
    bodyLimit: DEFAULT_BODY_LIMIT,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  const feed = new ChangeFeed(options.db, {
    pollMs: options.feedPollMs ?? (options.db.kind === 'postgres' ? 5000 : 250),
  });
  const context: ServerContext = {
    db: options.db,
    feed,
    publicUrl: options.publicUrl,
    signInLimits: options.signInLimits ?? SIGN_IN_LIMITS,
  };

  // JSON only: a cross-site form can send text/plain without a preflight, never JSON.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyCookie);
  installErrorReplies(app);
  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (
      !SAFE_METHODS.has(request.method) &&
      origin !== undefined &&
      origin !== `${request.protocol}://${request.host}`
    ) {
      throw new HttpError(403, 'requests from another site are refused');
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(securityHeaders(request));
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
  for (const route of ROUTES) {
    app.route({
      method: route.method,
      url: route.path,
      ...(route.bodyLimit === undefined ? {} : { bodyLimit: route.bodyLimit }),
      handler: (request, reply) => dispatch(route, request, reply, context),
    });
  }
  await installStaticApp(app, options.staticDir);

  await feed.start();
  const stopMaintenance = startMaintenance(options.db);
  return {
    app,
    context,
    close: async () => {
      stopMaintenance();
      // Stopping the feed ends the open event streams, which would otherwise hold app.close()
      // forever; requests still running get a grace period, then their connections are cut.
      await feed.stop();
      const grace = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
      try {
        await app.close();
      } finally {
        clearTimeout(grace);
      }
    },
  };
}
