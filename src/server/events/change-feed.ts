import type { Database } from '../db/database';
import { toNumber } from '../db/database';
import { CHANGE_CHANNEL, type ChangeRow } from '../store/changes';

export interface ChangeFeedOptions {
  /** How often to read the change log without a notification. */
  pollMs: number;
}

/**
 * Each instance follows the `changes` log and hands new rows to its open
 * event streams. On PostgreSQL a LISTEN connection wakes it at once when
 * any instance commits a change, and a slow poll catches what a dropped
 * connection missed; on PGlite (one process) it polls the log's sequence.
 * Either way, every instance sees every change, in commit order.
 */
export class ChangeFeed {
  private last = 0;
  private readonly listeners = new Set<(change: ChangeRow) => void>();
  private readonly onStop = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;
  private stopListening: (() => Promise<void>) | null = null;
  private draining: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: Database,
    private readonly options: ChangeFeedOptions,
  ) {}

  async start(): Promise<void> {
    const rows = await this.db.query<{ seq: unknown }>(
      'select coalesce(max(seq), 0) as seq from changes',
    );
    this.last = toNumber(rows[0]?.seq ?? 0);
    this.stopListening = await this.db.listen(CHANGE_CHANNEL, () => this.wake());
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
  }

  /** `onStop` runs when the feed stops (server shutdown), so a stream can end itself. */
  subscribe(listener: (change: ChangeRow) => void, onStop: () => void): () => void {
    this.listeners.add(listener);
    this.onStop.add(onStop);
    return () => {
      this.listeners.delete(listener);
      this.onStop.delete(onStop);
    };
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  /** Reads new changes now (a notification, a poll tick, or a test that does not want to wait). */
  wake(): Promise<void> {
    if (this.draining !== null) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.again) {
        this.again = false;
        void this.wake();
      }
    });
    return this.draining;
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.stopListening?.();
    this.stopListening = null;
    await this.draining;
    const stopping = [...this.onStop];
    this.listeners.clear();
    this.onStop.clear();
    for (const end of stopping) end();
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const rows = await this.db.query<{
          seq: unknown;
          kind: string;
          audience: 'team' | 'member';
          deal: string | null;
          assessment_id: string | null;
          member_id: string | null;
        }>(
          `select seq, kind, audience, deal, assessment_id, member_id from changes
            where seq > $1 order by seq limit 500`,
          [this.last],
        );
        for (const row of rows) {
          const change: ChangeRow = {
            seq: toNumber(row.seq),
            kind: row.kind,
            audience: row.audience,
            deal: row.deal,
            assessmentId: row.assessment_id,
            memberId: row.member_id,
          };
          this.last = change.seq;
          for (const listener of this.listeners) listener(change);
        }
        if (rows.length < 500) return;
      }
    } catch {
      // The database is unreachable: the next tick or notification tries again from the same place.
    }
  }
}
