import { validateAssessment } from '../core/assessment-file';
import { newDraft } from '../core/draft';
import type { DraftRecord } from '../core/draft-record';
import type { Problem } from '../core/problems';
import type { Assessment } from '../core/schema';
import type { AssessmentStore } from './assessment-store';
import {
  hasUnsentChange,
  isWaiting,
  newOwnRecord,
  nextOutgoing,
  type SyncRecord,
} from './sync-record';
import type { StorageTrouble } from './storage-trouble';
import type { SyncStore } from './sync-store';
import type { TeamApi, TeamDeal, TeamFailure, TeamMember, TeamRecord } from './team-api';

/** How the device stands with the server, as the header shows it. */
export type Connection = 'online' | 'syncing' | 'offline' | 'unavailable' | 'signed-out';

export interface SyncState {
  connection: Connection;
  /** Changes kept on this device until the server has them. */
  queued: number;
  /** Versions the server refused (invalid, or not this member's to write), with its reason. */
  refused: { id: string; message: string; problems: Problem[] }[];
  records: ReadonlyMap<string, SyncRecord>;
  deals: ReadonlyMap<string, TeamDeal>;
  lastSyncedAt: string | null;
}

/** Something the user must hear of: nothing is ever dropped silently. */
export type SyncNotice =
  /** The server's version replaced this device's, which was kept as the copy `copyId`. */
  | {
      kind: 'kept-copy';
      id: string;
      copyId: string;
      company: string;
      reason: 'conflict' | 'submitted';
    }
  /** Deleted on the server meanwhile: the local copy stays, on this device only. */
  | { kind: 'deleted-on-server'; id: string; company: string }
  /** A teammate's assessment from the server could not be read, so it is not shown. */
  | { kind: 'unreadable'; id: string; problems: Problem[] };

export type SubmitOutcome = { ok: true } | { ok: false; failure: TeamFailure };

/** The part of EventSource the engine uses, so tests can do without one. */
export interface EventStream {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
  readonly readyState: number;
}

interface Options {
  api: TeamApi;
  store: AssessmentStore;
  syncStore: SyncStore;
  member: TeamMember;
  /** A random UUID: write ids, and ids of kept copies. */
  newId: () => string;
  now?: () => string;
  onState: (state: SyncState) => void;
  onNotice: (notice: SyncNotice) => void;
  /** The sync wrote to or removed from the library: the app shows it (the store tells only other tabs). */
  onStored?: (ids: readonly string[]) => void;
  /** Opens the server's event stream; null where there is none (tests, old browsers): polling only. */
  openEvents?: () => EventStream | null;
  /** Runs `work` alone among this browser's tabs, so two tabs never send the same queue at once. */
  exclusively?: (work: () => Promise<void>) => Promise<void>;
  /** This device's storage refused what the server sent (the session's storage banner says so). */
  onStorageTrouble?: (trouble: StorageTrouble) => void;
  /** How long local edits settle before they are sent: a burst of keystrokes is one write. */
  settleMs?: number;
}

interface Due {
  /** Check every own assessment for unsent changes (at start), or only these ids. */
  scanAll: boolean;
  ids: Set<string>;
  pullOwn: boolean;
  /** Re-list the deals and fetch those that changed, or also these ones. */
  deals: boolean;
  dealKeys: Set<string>;
}

const NOTHING_DUE = (): Due => ({
  scanAll: false,
  ids: new Set(),
  pullOwn: false,
  deals: false,
  dealKeys: new Set(),
});

const POLL_MS = 60_000;
const MAX_RETRY_MS = 15_000;

/** Why a run stopped short: the connection, as the header shows it. */
type Stop = 'offline' | 'unavailable' | 'signed-out';

function stopOf(failure: TeamFailure): Stop | null {
  if (failure.kind === 'offline') return 'offline';
  if (failure.kind === 'unavailable' || failure.kind === 'rate-limited') return 'unavailable';
  if (failure.kind === 'server' && failure.status >= 500) return 'unavailable';
  if (failure.kind === 'signed-out') return 'signed-out';
  return null;
}

class Stopped extends Error {
  /** 'storage': this device refused to store what came (quota); the session shows why. */
  constructor(readonly stop: Stop | 'storage') {
    super(stop);
  }
}

/**
 * Team sync for the member signed in on this device. The library in
 * IndexedDB stays the app's only source: the engine sends this member's
 * changes (one write per assessment at a time, retried with the same write
 * id until answered, so nothing is applied twice), brings their work from
 * other devices, and keeps read-only copies of teammates' submitted work the
 * server lets them see. Offline, or with the server down, the queue waits in
 * IndexedDB and goes when the server answers again. A conflict (the same
 * member on two devices) keeps the server's version and this device's as a
 * copy, and says so.
 */
export class TeamSync {
  private records = new Map<string, SyncRecord>();
  private deals = new Map<string, TeamDeal>();
  private due: Due = { ...NOTHING_DUE(), scanAll: true, pullOwn: true, deals: true };
  private running: Promise<void> | null = null;
  private connection: Connection = 'syncing';
  private lastSyncedAt: string | null = null;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private retryMs = 1000;
  private events: EventStream | null = null;
  private readonly cleanups: (() => void)[] = [];
  private readonly now: () => string;
  private readonly me: TeamMember;

  constructor(private readonly options: Options) {
    this.me = options.member;
    this.now = options.now ?? (() => new Date().toISOString());
  }

  /** Reads what this device knows, then syncs; listens for the server's events and the network. */
  async start(): Promise<void> {
    const { store, syncStore } = this.options;
    this.records = new Map((await syncStore.of(this.me.id)).map((r) => [r.id, r]));
    this.deals = new Map((await syncStore.deals()).map((d) => [d.key, d]));
    this.cleanups.push(store.onChange((ids) => this.noteLocal(ids)));
    if (typeof window !== 'undefined') {
      const wake = () => this.request({ pullOwn: true, deals: true });
      window.addEventListener('online', wake);
      this.cleanups.push(() => window.removeEventListener('online', wake));
    }
    this.pollTimer = setInterval(() => this.request({ pullOwn: true, deals: true }), POLL_MS);
    this.listen();
    this.emit();
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const timer of [this.retryTimer, this.settleTimer])
      if (timer !== null) clearTimeout(timer);
    if (this.pollTimer !== null) clearInterval(this.pollTimer);
    this.events?.close();
    this.events = null;
  }

  /** Makes a new assessment of this member's a team one: it is sent, and kept in sync. */
  async adopt(id: string, deal: string): Promise<void> {
    if (this.records.has(id)) return;
    const record = newOwnRecord(id, this.me, deal);
    this.records.set(id, record);
    await this.options.syncStore.put(record);
    this.request({ ids: [id] });
  }

  /** Resolves once everything due has been tried (sent, or stopped by the connection). */
  async idle(): Promise<void> {
    if (this.settleTimer !== null) {
      clearTimeout(this.settleTimer);
      this.settleTimer = null;
      this.kick();
    }
    while (this.running !== null) await this.running;
  }

  /** Asks for a sync now: the network came back, or the user asked. */
  syncNow(): void {
    this.request({ pullOwn: true, deals: true });
  }

  /** Submits an assessment: sent first if it has unsent changes. Final; needs the server. */
  async submit(id: string): Promise<SubmitOutcome> {
    this.request({ ids: [id] });
    await this.idle();
    const record = this.records.get(id);
    if (record === undefined || !record.own) {
      return { ok: false, failure: { kind: 'not-found', message: 'not a team assessment' } };
    }
    if (record.refused !== null) {
      const { message, problems } = record.refused;
      return { ok: false, failure: { kind: 'invalid', message, problems } };
    }
    if (isWaiting(record) || record.revision === 0) {
      return { ok: false, failure: failureOfConnection(this.connection) };
    }
    const result = await this.options.api.submit(id, record.revision);
    if (!result.ok) {
      const stop = stopOf(result.failure);
      if (stop !== null) this.setConnection(stop);
      return result;
    }
    await this.save({
      ...record,
      revision: result.value.revision,
      submittedAt: result.value.submittedAt,
    });
    // Submitting may open the others' work to this member (blind scoring).
    this.request({ deals: true, dealKeys: [record.deal] });
    return { ok: true };
  }

  /** Removes teammates' copies from this device (signing out): they can be fetched again. */
  async forgetTeamCopies(): Promise<void> {
    const theirs = await forgetTeammatesCopies(
      this.options.store,
      this.options.syncStore,
      this.me.id,
    );
    for (const id of theirs) this.records.delete(id);
    this.deals.clear();
    this.options.onStored?.(theirs);
  }

  // --- scheduling -------------------------------------------------------------

  private noteLocal(ids: readonly string[]): void {
    // Not filtered by what this tab knows: another tab may have adopted the assessment.
    for (const id of ids) this.due.ids.add(id);
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.kick();
    }, this.options.settleMs ?? 400);
  }

  private request(what: {
    ids?: readonly string[];
    pullOwn?: boolean;
    deals?: boolean;
    dealKeys?: readonly string[];
  }) {
    for (const id of what.ids ?? []) this.due.ids.add(id);
    for (const key of what.dealKeys ?? []) this.due.dealKeys.add(key);
    if (what.pullOwn === true) this.due.pullOwn = true;
    if (what.deals === true) this.due.deals = true;
    this.kick();
  }

  private kick(): void {
    if (this.stopped || this.running !== null) return;
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  private hasDue(): boolean {
    const d = this.due;
    return d.scanAll || d.ids.size > 0 || d.pullOwn || d.deals || d.dealKeys.size > 0;
  }

  private async loop(): Promise<void> {
    while (this.hasDue() && !this.stopped) {
      const due = this.due;
      this.due = NOTHING_DUE();
      this.setConnection('syncing');
      try {
        const exclusively = this.options.exclusively ?? ((work) => work());
        await exclusively(() => this.once(due));
        this.retryMs = 1000;
        this.lastSyncedAt = this.now();
        this.setConnection('online');
      } catch (error) {
        if (!(error instanceof Stopped)) throw error;
        this.merge(due);
        this.setConnection(error.stop === 'storage' ? 'online' : error.stop);
        if (error.stop !== 'signed-out') this.retryLater();
        return;
      }
    }
  }

  private merge(due: Due): void {
    const d = this.due;
    d.scanAll ||= due.scanAll;
    d.pullOwn ||= due.pullOwn;
    d.deals ||= due.deals;
    for (const id of due.ids) d.ids.add(id);
    for (const key of due.dealKeys) d.dealKeys.add(key);
  }

  private retryLater(): void {
    if (this.stopped) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, wait);
  }

  private listen(): void {
    const events = this.options.openEvents?.() ?? null;
    if (events === null) return;
    this.events = events;
    events.addEventListener('open', () => this.request({ pullOwn: true, deals: true }));
    events.addEventListener('deal-changed', (event) => {
      const deal = parseField(event.data, 'deal');
      this.request({ deals: true, dealKeys: deal === null ? [] : [deal] });
    });
    events.addEventListener('assessment-changed', () => this.request({ pullOwn: true }));
    events.addEventListener('signed-out', () => {
      this.events?.close();
      this.events = null;
      this.setConnection('signed-out');
    });
    events.addEventListener('error', () => {
      // Closed for good (the server refused the stream): open a new one on the next good sync.
      if (events.readyState === 2 && this.events === events) {
        this.events = null;
        this.request({ pullOwn: true });
      }
    });
  }

  // --- one run ----------------------------------------------------------------

  private async once(due: Due): Promise<void> {
    // Another tab may have synced since: start from what is stored, never from this tab's memory.
    this.records = new Map((await this.options.syncStore.of(this.me.id)).map((r) => [r.id, r]));
    await this.scan(due.scanAll ? [...this.records.keys()] : [...due.ids], due.scanAll);
    await this.flush();
    if (due.pullOwn) await this.pullOwn();
    if (due.deals || due.dealKeys.size > 0) await this.pullDeals(due.dealKeys);
    if (this.events === null && !this.stopped) this.listen();
  }

  /** Queues a write for each own assessment whose local copy changed since the server got it. */
  private async scan(ids: readonly string[], atStart: boolean): Promise<void> {
    const { store } = this.options;
    for (const id of ids) {
      const record = this.records.get(id);
      if (record === undefined || record.removed !== null) continue;
      const summary = await store.summary(id);
      if (summary === undefined && !record.own) {
        // A teammate's copy removed from this device: not fetched again.
        await this.save({ ...record, removed: 'hidden' });
        continue;
      }
      if (!record.own) continue;
      if (summary === undefined) {
        if (record.revision > 0) {
          // Removed from this device: a draft goes from the server too; submitted work stays there.
          await this.save({
            ...record,
            outgoing: null,
            removed: record.submittedAt === null ? 'delete-on-server' : 'hidden',
          });
        } else if (atStart && record.outgoing === null) {
          // Adopted but never saved, or removed before it was ever sent.
          this.records.delete(id);
          await this.options.syncStore.delete([id]);
        }
        continue;
      }
      if (!hasUnsentChange(record, summary.updatedAt) || record.outgoing?.attempted === true) {
        continue;
      }
      const body = await store.read(id);
      if (body === null) continue;
      const outgoing = nextOutgoing(record, body.assessment, this.options.newId);
      if (outgoing !== null) await this.save({ ...record, outgoing });
    }
  }

  /** Sends every queued write and removal, one at a time, in a stable order. */
  private async flush(): Promise<void> {
    const waiting = [...this.records.values()]
      .filter(isWaiting)
      .sort((a, b) => a.id.localeCompare(b.id));
    for (const queued of waiting) {
      const record = this.records.get(queued.id);
      if (record === undefined || !isWaiting(record)) continue;
      if (record.removed === 'delete-on-server') await this.sendRemoval(record);
      else await this.sendWrite(record);
    }
  }

  private async sendRemoval(record: SyncRecord): Promise<void> {
    const result = await this.options.api.deleteAssessment(record.id);
    if (!result.ok) {
      const stop = stopOf(result.failure);
      if (stop !== null) throw new Stopped(stop);
      // Gone already, or submitted meanwhile (then it is not ours to delete): nothing more to send.
    }
    await this.save({ ...record, removed: 'hidden' });
  }

  private async sendWrite(record: SyncRecord): Promise<void> {
    const outgoing = record.outgoing!;
    const sent = { ...record, outgoing: { ...outgoing, attempted: true } };
    if (!outgoing.attempted) await this.save(sent);
    const result = await this.options.api.writeAssessment(record.id, {
      writeId: outgoing.writeId,
      baseRevision: outgoing.baseRevision,
      assessment: outgoing.assessment,
    });
    if (result.ok) {
      await this.save({
        ...sent,
        revision: result.value.revision,
        syncedUpdatedAt: outgoing.updatedAt,
        submittedAt: result.value.submittedAt,
        outgoing: null,
        refused: null,
      });
      // Changed again while the write was on its way: queue the newer version.
      this.due.ids.add(record.id);
      return;
    }
    const failure = result.failure;
    const stop = stopOf(failure);
    if (stop !== null) throw new Stopped(stop);
    if (failure.kind === 'conflict') {
      await this.resolveConflict(sent, failure.code, failure.current);
      return;
    }
    // Refused as it is (invalid, or not this member's to write): kept here, not sent again unchanged.
    await this.save({
      ...sent,
      outgoing: null,
      refused: {
        updatedAt: outgoing.updatedAt,
        message: 'message' in failure ? failure.message : failure.kind,
        problems: failure.kind === 'invalid' ? failure.problems : [],
      },
    });
  }

  /**
   * The server has another version. It becomes this device's copy of the
   * assessment, and this device's version is kept beside it as a new one of
   * this member's (sent as such), so neither is lost.
   */
  private async resolveConflict(
    record: SyncRecord,
    code: string,
    current: TeamRecord | null,
  ): Promise<void> {
    const { store } = this.options;
    const local = await store.read(record.id);
    if (code === 'missing' || current === null || code === 'id-taken') {
      if (code === 'id-taken' && local !== null) {
        // Someone else's id on the server (a file imported by two people): ours takes a new one.
        const copyId = this.options.newId();
        await this.keepAsCopy(local, copyId, '');
        await store.remove([record.id], { forgetSync: true });
        this.records.delete(record.id);
        this.options.onStored?.([record.id]);
        return;
      }
      this.records.delete(record.id);
      await this.options.syncStore.delete([record.id]);
      this.options.onNotice({
        kind: 'deleted-on-server',
        id: record.id,
        company: local?.assessment.company.name ?? record.id,
      });
      return;
    }
    const copyId = this.options.newId();
    if (local !== null) await this.keepAsCopy(local, copyId, ' (this device)');
    await this.storeFromServer([current], true);
    this.options.onNotice({
      kind: 'kept-copy',
      id: record.id,
      copyId,
      company: local?.assessment.company.name ?? record.id,
      reason: code === 'submitted' ? 'submitted' : 'conflict',
    });
  }

  private async keepAsCopy(local: DraftRecord, copyId: string, suffix: string): Promise<void> {
    const stamp = this.now();
    const copy: DraftRecord = {
      ...local,
      savedAt: stamp,
      assessment: {
        ...local.assessment,
        id: copyId,
        evaluator: {
          ...local.assessment.evaluator,
          name: `${local.assessment.evaluator.name}${suffix}`,
        },
      },
    };
    const record = newOwnRecord(copyId, this.me, local.assessment.deal);
    this.records.set(copyId, record);
    await this.options.store.saveAll([copy], [record]);
    this.options.onStored?.([copyId]);
    this.due.ids.add(copyId);
  }

  /** Brings this member's work from their other devices. */
  private async pullOwn(): Promise<void> {
    const heads = await this.ask(this.options.api.ownAssessments());
    const wanted: string[] = [];
    for (const head of heads.assessments) {
      const record = this.records.get(head.id);
      if (record?.removed !== null && record !== undefined) continue;
      if (record !== undefined && (isWaiting(record) || record.revision >= head.revision)) {
        if (record.revision === head.revision && record.submittedAt !== head.submittedAt) {
          await this.save({ ...record, submittedAt: head.submittedAt });
        }
        continue;
      }
      wanted.push(head.id);
    }
    const fetched: TeamRecord[] = [];
    for (const id of wanted) {
      const result = await this.options.api.assessment(id);
      if (result.ok) fetched.push(result.value);
      else if (stopOf(result.failure) !== null) throw new Stopped(stopOf(result.failure)!);
    }
    await this.storeFromServer(fetched, true);
  }

  /**
   * Lists the deals and fetches those whose submissions or reveal changed
   * (or `keys`): teammates' submitted work this member may now see arrives,
   * and copies the server no longer shows leave this device.
   */
  private async pullDeals(keys: ReadonlySet<string>): Promise<void> {
    const listed = await this.ask(this.options.api.deals());
    const now = new Map(listed.deals.map((d) => [d.key, d]));
    const gone = [...this.deals.keys()].filter((key) => !now.has(key));
    const changed = listed.deals.filter((deal) => {
      const before = this.deals.get(deal.key);
      return (
        keys.has(deal.key) ||
        before === undefined ||
        before.submitted !== deal.submitted ||
        before.revealedAt !== deal.revealedAt ||
        before.othersVisible !== deal.othersVisible
      );
    });
    for (const deal of changed) {
      if (!deal.othersVisible) {
        await this.dropTeammatesCopies(deal.key, new Set());
        continue;
      }
      const result = await this.options.api.deal(deal.key);
      if (!result.ok) {
        const stop = stopOf(result.failure);
        if (stop !== null) throw new Stopped(stop);
        continue;
      }
      const theirs = result.value.assessments.filter((a) => a.author.id !== this.me.id);
      const fresh = theirs.filter((a) => {
        const known = this.records.get(a.id);
        return (
          known === undefined ||
          (known.removed === null &&
            (known.revision < a.revision || known.submittedAt !== a.submittedAt))
        );
      });
      await this.storeFromServer(fresh, false);
      await this.dropTeammatesCopies(deal.key, new Set(theirs.map((a) => a.id)));
    }
    for (const key of gone) await this.dropTeammatesCopies(key, new Set());
    await this.options.syncStore.replaceDeals(listed.deals);
    this.deals = now;
  }

  private async dropTeammatesCopies(deal: string, keep: ReadonlySet<string>): Promise<void> {
    const drop = [...this.records.values()]
      .filter((r) => !r.own && r.deal === deal && !keep.has(r.id))
      .map((r) => r.id);
    if (drop.length === 0) return;
    await this.options.store.remove(drop, { forgetSync: true });
    for (const id of drop) this.records.delete(id);
    this.options.onStored?.(drop);
  }

  /** Stores records from the server, validated as an import is, with their sync records. */
  private async storeFromServer(records: readonly TeamRecord[], own: boolean): Promise<void> {
    const drafts: DraftRecord[] = [];
    const syncs: SyncRecord[] = [];
    for (const record of records) {
      const checked = validateAssessment(record.assessment);
      if (!checked.ok) {
        this.options.onNotice({ kind: 'unreadable', id: record.id, problems: checked.problems });
        continue;
      }
      const assessment: Assessment = checked.value;
      const local = await this.options.store.read(record.id);
      drafts.push(
        local === null
          ? { ...newDraft(assessment, this.now()), position: { screen: 'results' } }
          : { ...local, savedAt: this.now(), pending: {}, assessment },
      );
      syncs.push({
        id: record.id,
        memberId: this.me.id,
        own,
        author: record.author,
        deal: record.deal,
        revision: record.revision,
        syncedUpdatedAt: assessment.updatedAt,
        submittedAt: record.submittedAt,
        outgoing: null,
        refused: null,
        removed: null,
      });
    }
    if (drafts.length === 0) return;
    // Records first: the store's change listener must find them already synced.
    for (const sync of syncs) this.records.set(sync.id, sync);
    const trouble = await this.options.store.saveAll(drafts, syncs);
    if (trouble !== null) {
      // Not stored (storage full): what is stored stays the truth, and the pull is tried again.
      this.records = new Map((await this.options.syncStore.of(this.me.id)).map((r) => [r.id, r]));
      if (trouble !== 'damaged-record') this.options.onStorageTrouble?.(trouble);
      throw new Stopped('storage');
    }
    this.options.onStored?.(drafts.map((d) => d.assessment.id));
    this.emit();
  }

  // --- state ------------------------------------------------------------------

  private async ask<T>(
    pending: Promise<{ ok: true; value: T } | { ok: false; failure: TeamFailure }>,
  ) {
    const result = await pending;
    if (result.ok) return result.value;
    throw new Stopped(stopOf(result.failure) ?? 'unavailable');
  }

  private async save(record: SyncRecord): Promise<void> {
    this.records.set(record.id, record);
    await this.options.syncStore.put(record);
    this.emit();
  }

  private setConnection(connection: Connection): void {
    if (this.connection === connection) return;
    this.connection = connection;
    this.emit();
  }

  private emit(): void {
    const records = [...this.records.values()];
    this.options.onState({
      connection: this.connection,
      queued: records.filter(isWaiting).length,
      refused: records
        .filter((r) => r.refused !== null)
        .map((r) => ({ id: r.id, message: r.refused!.message, problems: r.refused!.problems })),
      records: new Map(this.records),
      deals: new Map(this.deals),
      lastSyncedAt: this.lastSyncedAt,
    });
  }
}

/**
 * Removes the copies of teammates' work fetched for `memberId`, and the deal
 * listing: what they were allowed to see must not stay for whoever signs in
 * next on this browser. Their own work stays. Resolves with the ids removed.
 */
export async function forgetTeammatesCopies(
  store: AssessmentStore,
  syncStore: SyncStore,
  memberId: string,
): Promise<string[]> {
  const theirs = (await syncStore.of(memberId)).filter((r) => !r.own).map((r) => r.id);
  await store.remove(theirs, { forgetSync: true });
  await syncStore.replaceDeals([]);
  return theirs;
}

function failureOfConnection(connection: Connection): TeamFailure {
  if (connection === 'signed-out') return { kind: 'signed-out', message: '' };
  if (connection === 'unavailable')
    return { kind: 'unavailable', message: '', retryAfterSeconds: null };
  return { kind: 'offline' };
}

function parseField(data: string, field: string): string | null {
  try {
    const value = (JSON.parse(data) as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
