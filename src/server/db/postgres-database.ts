import pg from 'pg';
import type { Database, Queryable, SqlValue } from './database';

export interface PostgresOptions {
  connectionString: string;
  /** Also used to set `search_path`, so tests can run in a throw-away schema. */
  schema?: string;
  maxConnections?: number;
}

/**
 * A real PostgreSQL server through a connection pool. A request waits at most
 * a few seconds for a connection, so an unreachable database becomes a quick
 * 503 rather than a hung request.
 */
export function openPostgresDatabase(options: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // An idle client whose server went away emits 'error' on the pool; unhandled, it would
  // end the process. The next query simply opens a new connection.
  pool.on('error', () => undefined);

  const run = async <Row extends object>(
    target: pg.Pool | pg.PoolClient,
    text: string,
    params: readonly SqlValue[] = [],
  ): Promise<Row[]> => (await target.query<Row>(text, [...params])).rows;

  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params),
    transaction: async (work) => {
      const client = await pool.connect();
      let broken: unknown = undefined;
      try {
        await client.query('begin');
        const scoped: Queryable = { query: (text, params) => run(client, text, params) };
        const result = await work(scoped);
        await client.query('commit');
        return result;
      } catch (error) {
        broken = await client.query('rollback').then(
          () => undefined,
          (rollbackError: unknown) => rollbackError,
        );
        throw error;
      } finally {
        // A connection that could not even roll back is discarded, not returned to the pool.
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
    listen: (channel, onNotify) => listenWithReconnect(options, channel, onNotify),
    close: () => pool.end(),
  };
}

/**
 * A dedicated connection that LISTENs; when it drops (database restart), it
 * reconnects with back-off and tells the caller once it is back, since
 * notifications sent meanwhile were lost.
 */
async function listenWithReconnect(
  options: PostgresOptions,
  channel: string,
  onNotify: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let delay = 250;

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: options.connectionString });
    next.on('error', () => scheduleReconnect(next));
    next.on('notification', () => onNotify());
    try {
      await next.connect();
      await next.query(`listen ${quoteIdentifier(channel)}`);
      if (stopped) {
        await next.end().catch(() => undefined);
        return;
      }
      client = next;
      delay = 250;
      onNotify();
    } catch {
      scheduleReconnect(next);
    }
  };
  const scheduleReconnect = (broken: pg.Client): void => {
    if (client === broken) client = null;
    broken.end().catch(() => undefined);
    if (stopped || retry !== null) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, 5000);
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry !== null) clearTimeout(retry);
    const current = client;
    client = null;
    if (current !== null) await current.end().catch(() => undefined);
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
