import { pruneOldAttempts } from './auth/rate-limit';
import { pruneExpiredSessions } from './auth/sessions';
import type { Database } from './db/database';

const HOURLY = 60 * 60 * 1000;

/**
 * Clears what only grows: expired sessions, old rate-limit windows, the
 * change log past a day (streams read it within seconds) and write receipts
 * past 30 days (a client retries within minutes). Any instance may do it.
 */
export function startMaintenance(db: Database): () => void {
  const run = async (): Promise<void> => {
    try {
      await pruneExpiredSessions(db);
      await pruneOldAttempts(db);
      await db.query(`delete from changes where created_at < now() - interval '1 day'`);
      await db.query(`delete from assessment_writes where created_at < now() - interval '30 days'`);
    } catch {
      // Unreachable database: the next hour tries again.
    }
  };
  const timer = setInterval(() => void run(), HOURLY);
  timer.unref();
  return () => clearInterval(timer);
}
