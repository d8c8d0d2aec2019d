import type { AddressInfo } from 'node:net';
import type { RateLimit } from '../../../src/server/auth/rate-limit';
import { createServer, type TeamServer } from '../../../src/server/create-server';
import type { Database } from '../../../src/server/db/database';

export interface RunningServer {
  server: TeamServer;
  url: string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  trustProxy?: boolean;
  staticDir?: string | null;
  signInLimits?: { account: RateLimit; address: RateLimit };
  feedPollMs?: number;
}

/** A server on an ephemeral port of 127.0.0.1; `close` stops it (the database stays open). */
export async function startServer(
  db: Database,
  options: TestServerOptions = {},
): Promise<RunningServer> {
  const server = await createServer({
    db,
    publicUrl: 'http://moatscore.test',
    trustProxy: options.trustProxy ?? false,
    staticDir: options.staticDir ?? null,
    ...(options.signInLimits === undefined ? {} : { signInLimits: options.signInLimits }),
    ...(options.feedPollMs === undefined ? {} : { feedPollMs: options.feedPollMs }),
  });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
