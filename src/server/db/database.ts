/** A value a query may bind: what both PGlite and node-postgres accept. */
export type SqlValue = string | number | boolean | null | Date;

/** Runs SQL. Rows come back as plain objects; callers map them to their own types. */
export interface Queryable {
  query<Row extends object>(text: string, params?: readonly SqlValue[]): Promise<Row[]>;
}

/**
 * The one SQL layer the server talks to, over embedded PGlite or a real
 * PostgreSQL. Everything else in the server speaks only through it.
 */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for each NOTIFY on `channel` from any connection, when the
   * database can deliver them across processes; returns a stop function, or
   * null when it cannot (then the caller polls).
   */
  listen(channel: string, onNotify: () => void): Promise<(() => Promise<void>) | null>;
  close(): Promise<void>;
}

/** node-postgres returns int8 as text, PGlite as a number: one reading for both. */
export function toNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n))
    throw new Error(`expected a number from the database, got ${String(value)}`);
  return n;
}

/** Timestamps come back as Date from both drivers; the API speaks ISO 8601. */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return new Date(value).toISOString();
  throw new Error(`expected a timestamp from the database, got ${String(value)}`);
}

export function toIsoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toIso(value);
}
