import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../../src/server/db/database';
import { migrate } from '../../../src/server/db/migrate';
import { openPgliteDatabase } from '../../../src/server/db/pglite-database';
import { openPostgresDatabase } from '../../../src/server/db/postgres-database';

/** Set to a PostgreSQL URL to run every API test against a real server too. */
export const POSTGRES_URL = process.env.MOATSCORE_TEST_DATABASE_URL ?? null;

export interface DatabaseTarget {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database; `drop` removes whatever it left behind. */
  create(): Promise<TestDatabase>;
}

export interface TestDatabase {
  db: Database;
  /** For PostgreSQL: the throw-away schema, to open more connections on the same data. */
  schema: string | null;
  /** Opens another handle on the same data (a second server instance). */
  openAnother(): Promise<Database>;
  drop(): Promise<void>;
}

const pglite: DatabaseTarget = {
  name: 'pglite',
  create: async () => {
    const db = await openPgliteDatabase(null);
    await migrate(db);
    return {
      db,
      schema: null,
      openAnother: () => Promise.reject(new Error('an in-memory PGlite belongs to one handle')),
      drop: () => db.close(),
    };
  },
};

function postgres(url: string): DatabaseTarget {
  return {
    name: 'postgres',
    create: async () => {
      const schema = `moatscore_test_${randomBytes(6).toString('hex')}`;
      await adminQuery(url, `create schema ${schema}`);
      const opened: Database[] = [];
      const open = async () => {
        const db = openPostgresDatabase({ connectionString: url, schema });
        opened.push(db);
        return db;
      };
      const db = await open();
      await migrate(db);
      return {
        db,
        schema,
        openAnother: open,
        drop: async () => {
          await Promise.all(opened.map((handle) => handle.close().catch(() => undefined)));
          await adminQuery(url, `drop schema ${schema} cascade`);
        },
      };
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** PGlite always; PostgreSQL when MOATSCORE_TEST_DATABASE_URL is set. */
export const DATABASE_TARGETS: DatabaseTarget[] = [
  pglite,
  ...(POSTGRES_URL === null ? [] : [postgres(POSTGRES_URL)]),
];
