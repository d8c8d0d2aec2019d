import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AssessmentSummary } from '../core/assessment-summary';
import type { DraftRecord } from '../core/draft-record';
import type { Problem } from '../core/problems';
import type { Rubric } from '../core/schema';
import type { SyncRecord } from './sync-record';
import type { TeamDeal } from './team-api';

/** A saved draft as stored: the assessment without its rubric, which is stored once by digest. */
export interface StoredDraft extends Omit<DraftRecord, 'assessment'> {
  id: string;
  rubricHash: string;
  assessment: Omit<DraftRecord['assessment'], 'rubric'>;
}

/** A record that could not be read: kept as it was, listed, downloadable, never written over. */
export interface DamagedRecord {
  /** The assessment's id when it could be read, else where the text came from. */
  key: string;
  text: string;
  problems: Problem[];
}

export interface MoatscoreDb extends DBSchema {
  drafts: { key: string; value: StoredDraft; indexes: { byRubric: string } };
  summaries: { key: string; value: AssessmentSummary; indexes: { byDeal: string } };
  rubrics: { key: string; value: { hash: string; rubric: Rubric } };
  damaged: { key: string; value: DamagedRecord };
  meta: { key: string; value: { key: string; at: string } };
  /** Team mode: each synced assessment's revision and unsent change (since version 2). */
  sync: { key: string; value: SyncRecord; indexes: { byMember: string } };
  /** Team mode: the deals as the server last listed them, to fetch only what changed. */
  teamDeals: { key: string; value: TeamDeal };
}

export const DB_NAME = 'moatscore';
/** Numbered like the file format: each version's upgrade step below, in order. */
export const DB_VERSION = 2;

export type Db = IDBPDatabase<MoatscoreDb>;

/** Opens the library's database, creating or upgrading its stores. */
export async function openAssessmentDb(name = DB_NAME): Promise<Db> {
  const opened: Db = await openDB<MoatscoreDb>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const drafts = db.createObjectStore('drafts', { keyPath: 'id' });
        drafts.createIndex('byRubric', 'rubricHash');
        const summaries = db.createObjectStore('summaries', { keyPath: 'id' });
        summaries.createIndex('byDeal', 'deal');
        db.createObjectStore('rubrics', { keyPath: 'hash' });
        db.createObjectStore('damaged', { keyPath: 'key' });
        db.createObjectStore('meta', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        db.createObjectStore('sync', { keyPath: 'id' }).createIndex('byMember', 'memberId');
        db.createObjectStore('teamDeals', { keyPath: 'key' });
      }
    },
    blocking(_current, _blocked, event) {
      // A newer version of the app wants to upgrade the database in another tab: step aside.
      (event.target as IDBDatabase).close();
    },
  });
  return opened;
}
