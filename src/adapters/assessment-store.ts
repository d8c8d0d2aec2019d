import {
  assessmentOfSummary,
  isCurrentSummary,
  summarize,
  type AssessmentSummary,
} from '../core/assessment-summary';
import { validateDraftRecord, type DraftRecord } from '../core/draft-record';
import { validateRubric } from '../core/validate-rubric';
import { problem } from '../core/problems';
import type { Assessment, Rubric } from '../core/schema';
import type { DamagedRecord, Db, StoredDraft } from './assessment-db';
import { rubricDigest } from './rubric-digest';
import { storageTroubleOf, type StorageTrouble } from './storage-trouble';
import type { SyncRecord } from './sync-record';
import { newestFirst } from '../core/newest-first';

export interface Library {
  summaries: AssessmentSummary[];
  damaged: DamagedRecord[];
}

/** Why a group of drafts was not saved: storage refused, or one would overwrite a damaged record. */
export type SaveTrouble = StorageTrouble | 'damaged-record';

/**
 * The library in IndexedDB: each assessment's body (notes and all) apart from
 * its summary, and each rubric snapshot once, by digest. Lists read summaries;
 * a body is read when opened. A group of drafts is saved in one transaction,
 * all or nothing, and every change is announced to the other tabs.
 */
export class AssessmentStore {
  private readonly rubrics = new Map<string, Rubric>();
  /** Rubric objects checked once: drafts on them are not made to check them again. */
  private readonly checked = new Set<Rubric>();
  private damagedIds = new Set<string>();
  private readonly listeners = new Set<(ids: readonly string[]) => void>();

  constructor(
    readonly database: Db,
    private readonly announce: (ids: readonly string[]) => void = () => {},
  ) {}

  /** Every summary, newest first, and the records that could not be read. */
  async library(): Promise<Library> {
    const tx = this.database.transaction(['summaries', 'damaged'], 'readonly');
    const [stored, damaged] = await Promise.all([
      tx.objectStore('summaries').getAll(),
      tx.objectStore('damaged').getAll(),
    ]);
    const summaries: AssessmentSummary[] = [];
    const stale: string[] = [];
    for (const summary of stored) {
      if (isCurrentSummary(summary)) summaries.push(summary);
      else stale.push(String((summary as { id?: unknown }).id));
    }
    for (const id of stale) {
      const remade = await this.remakeSummary(id);
      if (remade !== null) summaries.push(remade);
    }
    this.damagedIds = new Set(damaged.map((d) => d.key));
    const all = [...damaged, ...(await this.damagedOfStale(stale))];
    summaries.sort((a, b) => newestFirst(a.savedAt, b.savedAt));
    return { summaries, damaged: all.sort((a, b) => a.key.localeCompare(b.key)) };
  }

  /** Calls `listener` with the ids of every change made through this store (this tab's own). */
  onChange(listener: (ids: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(ids: readonly string[]): void {
    this.announce(ids);
    for (const listener of this.listeners) listener(ids);
  }

  /** The ids of records that cannot be read: an import may not write over them. */
  damaged(): ReadonlySet<string> {
    return this.damagedIds;
  }

  /** One assessment's summary, if it is in the library. */
  async summary(id: string): Promise<AssessmentSummary | undefined> {
    const found = await this.database.get('summaries', id);
    if (found === undefined) return undefined;
    return isCurrentSummary(found) ? found : ((await this.remakeSummary(id)) ?? undefined);
  }

  /** The whole draft, its rubric put back; null when there is none (or it was set aside as damaged). */
  async read(id: string): Promise<DraftRecord | null> {
    const stored = await this.database.get('drafts', id);
    if (stored === undefined) return null;
    const rubric = await this.rubric(stored.rubricHash);
    if (rubric === null) {
      await this.setAside(id, JSON.stringify(stored), 'rubric');
      return null;
    }
    // Stored by this code, but storage can be edited: read as carefully as a file
    // (the rubric was checked once, when it was first read).
    const checked = validateDraftRecord(draftOf(stored, rubric), { knownRubrics: this.checked });
    if (checked.ok) return checked.value;
    await this.setAside(id, JSON.stringify(stored), checked.problems);
    return null;
  }

  /** Several whole drafts, in the order asked; missing ones left out. */
  async readMany(ids: readonly string[]): Promise<DraftRecord[]> {
    const records = await Promise.all(ids.map((id) => this.read(id)));
    return records.filter((r): r is DraftRecord => r !== null);
  }

  /**
   * The assessments the summaries stand for, without notes, each on its rubric
   * (one object per snapshot): what the pipeline and the overlays aggregate.
   */
  async assessmentsOf(summaries: readonly AssessmentSummary[]): Promise<Assessment[]> {
    const out: Assessment[] = [];
    for (const summary of summaries) {
      const rubric = await this.rubric(summary.rubric.hash);
      if (rubric !== null) out.push(assessmentOfSummary(summary, rubric));
    }
    return out;
  }

  async save(record: DraftRecord): Promise<SaveTrouble | null> {
    return this.saveAll([record]);
  }

  /**
   * Saves drafts in one transaction: all of them, or (on any failure) none;
   * with `sync`, their team sync records in the same transaction.
   */
  async saveAll(
    records: readonly DraftRecord[],
    sync: readonly SyncRecord[] = [],
  ): Promise<SaveTrouble | null> {
    if (records.some((r) => this.damagedIds.has(r.assessment.id))) return 'damaged-record';
    let prepared: { stored: StoredDraft; summary: AssessmentSummary; rubric: Rubric }[];
    try {
      // Digests come first: a transaction closes when it waits on anything but the database.
      prepared = await Promise.all(
        records.map(async (record) => {
          const hash = await rubricDigest(record.assessment.rubric);
          return {
            stored: storedOf(record, hash),
            summary: summarize(record, hash),
            rubric: record.assessment.rubric,
          };
        }),
      );
    } catch (error) {
      return storageTroubleOf(error);
    }
    const tx = this.database.transaction(['drafts', 'summaries', 'rubrics', 'sync'], 'readwrite');
    try {
      const rubrics = tx.objectStore('rubrics');
      const written = new Set<string>();
      for (const record of sync) await tx.objectStore('sync').put(record);
      for (const { stored, summary, rubric } of prepared) {
        const hash = stored.rubricHash;
        if (!written.has(hash) && !this.rubrics.has(hash)) {
          written.add(hash);
          if ((await rubrics.getKey(hash)) === undefined) await rubrics.put({ hash, rubric });
        }
        await tx.objectStore('drafts').put(stored);
        await tx.objectStore('summaries').put(summary);
      }
      await tx.done;
      // Written from drafts the app holds, so already checked.
      for (const { stored, rubric } of prepared) {
        this.rubrics.set(stored.rubricHash, rubric);
        this.checked.add(rubric);
      }
    } catch (error) {
      // Whatever was put before the failure must not commit: all or nothing.
      await abandon(tx);
      return storageTroubleOf(error);
    }
    this.changed(records.map((r) => r.assessment.id));
    return null;
  }

  /**
   * Saves `local`, which is `change` applied to the draft saved at
   * `baseSavedAt`. If another tab saved since, `change` is applied to that
   * newer draft instead, in the same transaction: its edit is built on, not
   * written over, and the result gets a time of its own. Resolves with the
   * draft as saved.
   */
  async update(
    local: DraftRecord,
    baseSavedAt: string,
    change: (stored: DraftRecord) => DraftRecord,
  ): Promise<{ record: DraftRecord; trouble: SaveTrouble | null }> {
    const id = local.assessment.id;
    if (this.damagedIds.has(id)) return { record: local, trouble: 'damaged-record' };
    let hash: string;
    try {
      hash = await rubricDigest(local.assessment.rubric);
    } catch (error) {
      return { record: local, trouble: storageTroubleOf(error) };
    }
    const tx = this.database.transaction(['drafts', 'summaries', 'rubrics'], 'readwrite');
    let record = local;
    try {
      const stored = await tx.objectStore('drafts').get(id);
      const rubric = stored === undefined ? undefined : this.rubrics.get(stored.rubricHash);
      if (stored !== undefined && rubric !== undefined && stored.savedAt !== baseSavedAt) {
        // The merge is a version neither side saved: its own time, later than both, so
        // a write this tab queued behind `local` (based on local's time) merges too.
        const merged = change(draftOf(stored, rubric));
        record = { ...merged, savedAt: stampAfter(stored.savedAt, local.savedAt) };
      }
      const rubrics = tx.objectStore('rubrics');
      if (!this.rubrics.has(hash) && (await rubrics.getKey(hash)) === undefined) {
        await rubrics.put({ hash, rubric: record.assessment.rubric });
      }
      await tx.objectStore('drafts').put(storedOf(record, hash));
      await tx.objectStore('summaries').put(summarize(record, hash));
      await tx.done;
      this.rubrics.set(hash, record.assessment.rubric);
      this.checked.add(record.assessment.rubric);
    } catch (error) {
      await abandon(tx);
      return { record: local, trouble: storageTroubleOf(error) };
    }
    this.changed([id]);
    return { record, trouble: null };
  }

  /**
   * Removes assessments (and any rubric snapshot no other one uses); with
   * `forgetSync`, their team sync records too (a teammate's copy leaving this device).
   */
  async remove(
    ids: readonly string[],
    { forgetSync = false } = {},
  ): Promise<StorageTrouble | null> {
    const tx = this.database.transaction(['drafts', 'summaries', 'rubrics', 'sync'], 'readwrite');
    try {
      const hashes = new Set<string>();
      for (const id of ids) {
        if (forgetSync) await tx.objectStore('sync').delete(id);
        const stored = await tx.objectStore('drafts').get(id);
        if (stored !== undefined) hashes.add(stored.rubricHash);
        await tx.objectStore('drafts').delete(id);
        await tx.objectStore('summaries').delete(id);
      }
      for (const hash of hashes) {
        if ((await tx.objectStore('drafts').index('byRubric').count(hash)) === 0) {
          await tx.objectStore('rubrics').delete(hash);
          this.rubrics.delete(hash);
        }
      }
      await tx.done;
    } catch (error) {
      await abandon(tx);
      return storageTroubleOf(error);
    }
    this.changed(ids);
    return null;
  }

  /** Keeps a record that cannot be read, with why; its body and summary no longer list it. */
  async setAside(key: string, text: string, why: 'rubric' | DamagedRecord['problems']) {
    const problems = why === 'rubric' ? [problem('rubricHash', 'draft.rubricMissing')] : why;
    const tx = this.database.transaction(['drafts', 'summaries', 'damaged'], 'readwrite');
    await tx.objectStore('damaged').put({ key, text, problems });
    await tx.objectStore('drafts').delete(key);
    await tx.objectStore('summaries').delete(key);
    await tx.done;
    this.damagedIds.add(key);
    this.changed([key]);
  }

  private async rubric(hash: string): Promise<Rubric | null> {
    const cached = this.rubrics.get(hash);
    if (cached !== undefined) return cached;
    const stored = await this.database.get('rubrics', hash);
    if (stored === undefined) return null;
    const valid = validateRubric(stored.rubric);
    if (!valid.ok) return null;
    this.rubrics.set(hash, valid.value);
    this.checked.add(valid.value);
    return valid.value;
  }

  private async remakeSummary(id: string): Promise<AssessmentSummary | null> {
    const record = await this.read(id);
    if (record === null) return null;
    const hash = await rubricDigest(record.assessment.rubric);
    const summary = summarize(record, hash);
    await this.database.put('summaries', summary);
    return summary;
  }

  private async damagedOfStale(ids: readonly string[]): Promise<DamagedRecord[]> {
    if (ids.length === 0) return [];
    const found = await Promise.all(ids.map((id) => this.database.get('damaged', id)));
    return found.filter((d): d is DamagedRecord => d !== undefined);
  }
}

export function storedOf(record: DraftRecord, rubricHash: string): StoredDraft {
  const { rubric: _rubric, ...assessment } = record.assessment;
  return { ...record, id: record.assessment.id, rubricHash, assessment };
}

export function draftOf(stored: StoredDraft, rubric: Rubric): DraftRecord {
  const { id: _id, rubricHash: _hash, assessment, ...rest } = stored;
  return { ...rest, assessment: { ...assessment, rubric } as Assessment };
}

/** Aborts a transaction that failed part-way (if it is still open), and waits for it to end. */
async function abandon(tx: { abort: () => void; done: Promise<void> }): Promise<void> {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by the browser.
  }
  await tx.done.catch(() => undefined);
}

/** A save time later than every one given: now, or a millisecond after the latest. */
function stampAfter(...stamps: readonly string[]): string {
  const latest = Math.max(...stamps.map((stamp) => Date.parse(stamp)).filter(Number.isFinite));
  return new Date(Math.max(Date.now(), latest + 1)).toISOString();
}
