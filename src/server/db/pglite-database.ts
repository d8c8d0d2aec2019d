import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, SqlValue } from './database';

/**
 * PostgreSQL in WebAssembly, in this process: no set-up at all. One process
 * owns a data folder (see data-dir-lock.ts), so cross-process NOTIFY is
 * meaningless here and `listen` returns null: the change feed polls instead.
 */
export async function openPgliteDatabase(dataDir: string | null): Promise<Database> {
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir ?? 'memory://');
  const run = async <Row extends object>(
    target: Pick<PGlite, 'query'>,
    text: string,
    params: readonly SqlValue[] = [],
  ): Promise<Row[]> => (await target.query<Row>(text, [...params])).rows;

  return {
    kind: 'pglite',
    query: (text, params) => run(pg, text, params),
    transaction: (work) =>
      pg.transaction((tx) => {
        const scoped: Queryable = {
          query: (text, params) => run(tx, text, params),
        };
        return work(scoped);
      }),
    listen: () => Promise.resolve(null),
    close: async () => {
      if (!pg.closed) await pg.close();
    },
  };
}
