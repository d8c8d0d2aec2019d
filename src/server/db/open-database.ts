import type { ServerConfig } from '../config';
import type { Database } from './database';
import { lockDataDir } from './data-dir-lock';
import { migrate } from './migrate';
import { openPgliteDatabase } from './pglite-database';
import { openPostgresDatabase } from './postgres-database';

/**
 * PostgreSQL when DATABASE_URL is set, embedded PGlite in the data folder
 * otherwise; migrated before anything else uses it.
 */
export async function openDatabase(
  config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>,
): Promise<Database> {
  if (config.databaseUrl !== null) {
    const db = openPostgresDatabase({ connectionString: config.databaseUrl });
    await migrateOrClose(db);
    return db;
  }
  const unlock = lockDataDir(config.dataDir);
  try {
    const db = await openPgliteDatabase(config.dataDir);
    await migrateOrClose(db);
    return {
      ...db,
      close: async () => {
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

async function migrateOrClose(db: Database): Promise<void> {
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
}
