import { resolve } from 'node:path';

/** Everything the server reads from its environment, read once at start. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Embedded PGlite keeps its files here when `databaseUrl` is null. */
  dataDir: string;
  databaseUrl: string | null;
  /** Believe X-Forwarded-Proto/-For from a reverse proxy in front of us. */
  trustProxy: boolean;
  /** The address people open; invitation links start with it. */
  publicUrl: string;
  /** The built app (`npm run build`). */
  staticDir: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = parsePort(env.PORT ?? '8080');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.MOATSCORE_DATA_DIR ?? './data'),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    trustProxy: ['1', 'true', 'yes'].includes((env.TRUST_PROXY ?? '').toLowerCase()),
    publicUrl: (nonEmpty(env.PUBLIC_URL) ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    staticDir: resolve(env.MOATSCORE_STATIC_DIR ?? 'dist'),
  };
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${text}"`);
  }
  return port;
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}
