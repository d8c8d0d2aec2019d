import type { RateLimit } from '../auth/rate-limit';
import type { Database } from '../db/database';
import type { ChangeFeed } from '../events/change-feed';

/** What every handler may use: the database, the live feed, and settings. */
export interface ServerContext {
  db: Database;
  feed: ChangeFeed;
  publicUrl: string;
  signInLimits: { account: RateLimit; address: RateLimit };
}
