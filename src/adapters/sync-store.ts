import type { Db } from './assessment-db';
import type { SyncRecord } from './sync-record';
import type { TeamDeal } from './team-api';

/** The team sync records and the last deal listing, in the library's database. */
export class SyncStore {
  constructor(private readonly database: Db) {}

  async of(memberId: string): Promise<SyncRecord[]> {
    return this.database.getAllFromIndex('sync', 'byMember', memberId);
  }

  async get(id: string): Promise<SyncRecord | undefined> {
    return this.database.get('sync', id);
  }

  async put(...records: SyncRecord[]): Promise<void> {
    const tx = this.database.transaction('sync', 'readwrite');
    for (const record of records) await tx.store.put(record);
    await tx.done;
  }

  async delete(ids: readonly string[]): Promise<void> {
    const tx = this.database.transaction('sync', 'readwrite');
    for (const id of ids) await tx.store.delete(id);
    await tx.done;
  }

  async deals(): Promise<TeamDeal[]> {
    return this.database.getAll('teamDeals');
  }

  /** Replaces the deal listing with `deals`, as the server last gave it. */
  async replaceDeals(deals: readonly TeamDeal[]): Promise<void> {
    const tx = this.database.transaction('teamDeals', 'readwrite');
    await tx.store.clear();
    for (const deal of deals) await tx.store.put(deal);
    await tx.done;
  }
}
