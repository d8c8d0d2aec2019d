import type { Queryable } from '../db/database';

export interface RateLimit {
  /** Attempts allowed per window. */
  max: number;
  windowSeconds: number;
}

/** Sign-in attempts per account and per address, counted in the database so every instance shares them. */
export const SIGN_IN_LIMITS = {
  account: { max: 10, windowSeconds: 15 * 60 },
  address: { max: 100, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimit>;

/**
 * Counts one attempt in the current fixed window and says whether it is
 * still allowed. The increment and the read are one statement, so
 * concurrent attempts on several instances cannot slip past the limit.
 */
export async function takeAttempt(
  q: Queryable,
  bucket: string,
  limit: RateLimit,
): Promise<boolean> {
  const rows = await q.query<{ attempts: number }>(
    `insert into sign_in_attempts (bucket, window_start, attempts)
     values ($1, to_timestamp(floor(extract(epoch from now()) / $2) * $2), 1)
     on conflict (bucket, window_start) do update set attempts = sign_in_attempts.attempts + 1
     returning attempts`,
    [bucket, limit.windowSeconds],
  );
  return (rows[0]?.attempts ?? Infinity) <= limit.max;
}

/** A successful sign-in clears its account's count (not the address's). */
export async function clearAttempts(q: Queryable, bucket: string): Promise<void> {
  await q.query('delete from sign_in_attempts where bucket = $1', [bucket]);
}

export async function pruneOldAttempts(q: Queryable): Promise<void> {
  await q.query(`delete from sign_in_attempts where window_start < now() - interval '1 day'`);
}
