import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { openAssessmentDb, type Db } from '../../src/adapters/assessment-db';
import { AssessmentStore } from '../../src/adapters/assessment-store';
import { SyncStore } from '../../src/adapters/sync-store';
import { TeamApi } from '../../src/adapters/team-api';
import { TeamSync, type SyncNotice, type SyncState } from '../../src/adapters/team-sync';
import { newDraft } from '../../src/core/draft';
import type { DraftRecord } from '../../src/core/draft-record';
import type { Assessment } from '../../src/core/schema';
import type { Database } from '../../src/server/db/database';
import { openPgliteDatabase } from '../../src/server/db/pglite-database';
import { migrate } from '../../src/server/db/migrate';
import { startServer, type RunningServer } from './harness/test-server';
import { assessmentOf, join, PASSWORD, saveNew, type Person } from './harness/team';
import { ApiClient } from './harness/api-client';

/**
 * The browser's sync engine (src/adapters/team-sync.ts) against the real
 * server: its IndexedDB is fake-indexeddb, its fetch keeps a cookie as a
 * browser does, and the server is the one `npm run server` runs.
 */

let db: Database;
let server: RunningServer | null;
let serverUrl = '';
const databases: Db[] = [];

beforeAll(async () => {
  db = await openPgliteDatabase(null);
  await migrate(db);
  server = await startServer(db);
  serverUrl = server.url;
});
afterAll(async () => {
  for (const d of databases) d.close();
  await server?.close();
  await db.close();
});

const tag = () => randomUUID().slice(0, 8);

/** A browser's fetch: one cookie jar; `drop` loses the answer to the next matching request after it is sent. */
function browserFetch() {
  let cookie: string | null = null;
  const dropAnswers: ((method: string, url: string) => boolean)[] = [];
  const send = async (input: string, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    if (cookie !== null) headers.set('cookie', cookie);
    const response = await fetch(`${serverUrl}${input}`, { ...init, headers });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie !== null) cookie = setCookie.split(';')[0]!;
    const drop = dropAnswers.findIndex((matches) => matches(init?.method ?? 'GET', input));
    if (drop >= 0) {
      dropAnswers.splice(drop, 1);
      await response.arrayBuffer();
      throw new TypeError('network error: the connection dropped before the answer');
    }
    return response;
  };
  return {
    send,
    dropNext: (matches: (method: string, url: string) => boolean) => dropAnswers.push(matches),
  };
}

/** One device of a signed-in member: its own IndexedDB, store, engine, and what it was told. */
async function device(person: { username: string }) {
  const net = browserFetch();
  const api = new TeamApi('', net.send);
  const signedIn = await api.signIn(person.username, PASSWORD);
  if (!signedIn.ok) throw new Error(`sign-in: ${JSON.stringify(signedIn.failure)}`);
  const database = await openAssessmentDb(`sync-${tag()}`);
  databases.push(database);
  const store = new AssessmentStore(database);
  const syncStore = new SyncStore(database);
  const states: SyncState[] = [];
  const notices: SyncNotice[] = [];
  const make = () =>
    new TeamSync({
      api,
      store,
      syncStore,
      member: signedIn.value,
      newId: randomUUID,
      onState: (state) => states.push(state),
      onNotice: (notice) => notices.push(notice),
      settleMs: 0,
    });
  const engine = make();
  await engine.start();
  await engine.idle();
  return { api, net, store, syncStore, engine, states, notices, member: signedIn.value, make };
}

const state = (d: { states: SyncState[] }) => d.states.at(-1)!;

function edited(record: DraftRecord, notes: string, at: string): DraftRecord {
  const [first] = Object.keys(record.assessment.answers);
  const answers = { ...record.assessment.answers };
  answers[first!] = { ...answers[first!]!, notes };
  return { ...record, savedAt: at, assessment: { ...record.assessment, answers, updatedAt: at } };
}

async function partner(name: string): Promise<Person> {
  return join(db, serverUrl, 'partner', `${name}-${tag()}`);
}

async function serverCopy(person: Person, id: string) {
  const response = await person.client.get(`/api/assessments/${id}`);
  return {
    status: response.status,
    record: response.json as {
      revision: number;
      submittedAt: string | null;
      assessment: Assessment;
    },
  };
}

function newAssessment(deal: string, marker: string): Assessment {
  return assessmentOf({ id: randomUUID(), deal, marker });
}

describe('sending this member’s work', () => {
  it('a new assessment and each later edit reach the server, one revision each', async () => {
    const ann = await partner('ann');
    const laptop = await device(ann);
    const assessment = newAssessment(`deal-${tag()}`, 'first words');
    const draft = newDraft(assessment, assessment.updatedAt);
    await laptop.store.save(draft);
    await laptop.engine.adopt(assessment.id, assessment.deal);
    await laptop.engine.idle();
    let copy = await serverCopy(ann, assessment.id);
    expect(copy.status).toBe(200);
    expect(copy.record.revision).toBe(1);
    expect(state(laptop)).toMatchObject({ connection: 'online', queued: 0 });

    await laptop.store.save(edited(draft, 'second thoughts', '2026-12-01T10:00:00.000Z'));
    await laptop.engine.idle();
    copy = await serverCopy(ann, assessment.id);
    expect(copy.record.revision).toBe(2);
    expect(Object.values(copy.record.assessment.answers).map((a) => a.notes)).toContain(
      'second thoughts',
    );
    laptop.engine.stop();
  });

  it('an answer lost on the way is retried with the same write id: applied once, nothing lost', async () => {
    const ann = await partner('ann');
    const laptop = await device(ann);
    const assessment = newAssessment(`deal-${tag()}`, 'words');
    await laptop.store.save(newDraft(assessment, assessment.updatedAt));
    laptop.net.dropNext((method) => method === 'PUT');
    await laptop.engine.adopt(assessment.id, assessment.deal);
    await laptop.engine.idle();
    // The server applied the write, but this device never heard: it still counts it as waiting.
    expect(state(laptop)).toMatchObject({ connection: 'offline', queued: 1 });
    expect((await serverCopy(ann, assessment.id)).record.revision).toBe(1);

    laptop.engine.syncNow();
    await laptop.engine.idle();
    expect(state(laptop)).toMatchObject({ connection: 'online', queued: 0 });
    expect((await serverCopy(ann, assessment.id)).record.revision).toBe(1);
    expect(laptop.notices).toEqual([]);
    laptop.engine.stop();
  });
});

describe('offline, and the server down', () => {
  it('keeps changes queued in IndexedDB across a reload, and sends them when the server is back', async () => {
    const ann = await partner('ann');
    const laptop = await device(ann);
    const assessment = newAssessment(`deal-${tag()}`, 'before the outage');
    const draft = newDraft(assessment, assessment.updatedAt);
    await laptop.store.save(draft);
    await laptop.engine.adopt(assessment.id, assessment.deal);
    await laptop.engine.idle();

    await server!.close();
    await laptop.store.save(edited(draft, 'written offline', '2026-12-01T11:00:00.000Z'));
    await laptop.engine.idle();
    expect(state(laptop)).toMatchObject({ connection: 'offline', queued: 1 });
    laptop.engine.stop();

    // The tab is closed and opened again while the server is still down.
    const reopened = laptop.make();
    await reopened.start();
    await reopened.idle();
    expect(state(laptop)).toMatchObject({ connection: 'offline', queued: 1 });

    server = await startServer(db);
    serverUrl = server.url;
    reopened.syncNow();
    await reopened.idle();
    expect(state(laptop)).toMatchObject({ connection: 'online', queued: 0 });
    const copy = await serverCopy({ ...ann, client: withCookie(ann) }, assessment.id);
    expect(copy.record.revision).toBe(2);
    expect(Object.values(copy.record.assessment.answers).map((a) => a.notes)).toContain(
      'written offline',
    );
    reopened.stop();
  });
});

/** The person's session, on the server's current address (it moves when the server restarts). */
function withCookie(person: Person): ApiClient {
  const client = new ApiClient(serverUrl);
  client.cookie = person.client.cookie;
  return client;
}

describe('the same member on two devices', () => {
  it('a conflict keeps the server’s version and this device’s as a copy, and says so', async () => {
    const ann = await partner('ann');
    const laptop = await device(ann);
    const assessment = newAssessment(`deal-${tag()}`, 'shared start');
    const draft = newDraft(assessment, assessment.updatedAt);
    await laptop.store.save(draft);
    await laptop.engine.adopt(assessment.id, assessment.deal);
    await laptop.engine.idle();

    const phone = await device(ann);
    const onPhone = await phone.store.read(assessment.id);
    expect(onPhone?.assessment.answers).toEqual(assessment.answers);

    await laptop.store.save(edited(draft, 'laptop edit', '2026-12-01T12:00:00.000Z'));
    await laptop.engine.idle();
    phone.engine.stop(); // the phone does not hear of it
    await phone.store.save(edited(onPhone!, 'phone edit', '2026-12-01T12:05:00.000Z'));
    const phoneAgain = phone.make();
    await phoneAgain.start();
    await phoneAgain.idle();

    const notice = phone.notices.find((n) => n.kind === 'kept-copy');
    expect(notice).toMatchObject({ kind: 'kept-copy', id: assessment.id, reason: 'conflict' });
    const copyId = notice?.kind === 'kept-copy' ? notice.copyId : '';
    const notesOf = (r: DraftRecord | null) =>
      Object.values(r?.assessment.answers ?? {}).map((a) => a.notes);
    expect(notesOf(await phone.store.read(assessment.id))).toContain('laptop edit');
    expect(notesOf(await phone.store.read(copyId))).toContain('phone edit');
    // The copy is this member's new assessment, on the server too.
    expect((await serverCopy(ann, copyId)).status).toBe(200);
    expect(
      notesOf({ assessment: (await serverCopy(ann, copyId)).record.assessment } as DraftRecord),
    ).toContain('phone edit');
    phoneAgain.stop();
    laptop.engine.stop();
  });
});

describe('teammates’ work under blind scoring', () => {
  it('arrives only once the server lets this partner see it, and leaves on sign-out', async () => {
    const deal = `deal-${tag()}`;
    const ann = await partner('ann');
    const ben = await partner('ben');
    const bens = assessmentOf({ id: randomUUID(), deal, marker: 'ben secret' });
    await saveNew(ben.client, bens, true);

    const laptop = await device(ann);
    expect(await laptop.store.read(bens.id)).toBeNull();

    const anns = newAssessment(deal, 'ann view');
    await laptop.store.save(newDraft(anns, anns.updatedAt));
    await laptop.engine.adopt(anns.id, deal);
    expect(await laptop.engine.submit(anns.id)).toEqual({ ok: true });
    await laptop.engine.idle();

    const copy = await laptop.store.read(bens.id);
    expect(Object.values(copy?.assessment.answers ?? {})[0]?.notes).toContain('ben secret');
    expect(state(laptop).records.get(bens.id)).toMatchObject({
      own: false,
      author: { id: ben.id },
    });
    expect(state(laptop).records.get(anns.id)?.submittedAt).not.toBeNull();

    // Removed from this device, it is not fetched again, even when the deal changes.
    await laptop.store.remove([bens.id]);
    await laptop.engine.idle();
    const cleo = await partner('cleo');
    await saveNew(cleo.client, assessmentOf({ id: randomUUID(), deal, marker: 'cleo' }), true);
    laptop.engine.syncNow();
    await laptop.engine.idle();
    expect(state(laptop).deals.get(deal)?.submitted).toBe(3);
    expect(await laptop.store.read(bens.id)).toBeNull();
    const cleos = [...state(laptop).records.values()].find((r) => r.author.id === cleo.id);
    expect(cleos).toBeDefined();

    await laptop.engine.forgetTeamCopies();
    expect(await laptop.store.read(cleos!.id)).toBeNull();
    expect(await laptop.store.read(anns.id)).not.toBeNull();
    laptop.engine.stop();
  });
});

describe('what the server refuses', () => {
  it('a founder’s assessment of another company is refused with the reason, kept here and not re-sent', async () => {
    const own = `deal-${tag()}`;
    const founder = await join(db, serverUrl, 'founder', `fay-${tag()}`, own);
    const laptop = await device(founder);
    const elsewhere = newAssessment(`other-${tag()}`, 'not mine');
    await laptop.store.save(newDraft(elsewhere, elsewhere.updatedAt));
    await laptop.engine.adopt(elsewhere.id, elsewhere.deal);
    await laptop.engine.idle();
    expect(state(laptop).queued).toBe(0);
    expect(state(laptop).refused).toMatchObject([
      { id: elsewhere.id, message: expect.any(String) },
    ]);
    expect(state(laptop).refused[0]!.message.length).toBeGreaterThan(5);
    expect(await laptop.store.read(elsewhere.id)).not.toBeNull();
    laptop.engine.stop();
  });

  it('removing one’s own draft here deletes it on the server; it does not come back', async () => {
    const ann = await partner('ann');
    const laptop = await device(ann);
    const assessment = newAssessment(`deal-${tag()}`, 'to remove');
    await laptop.store.save(newDraft(assessment, assessment.updatedAt));
    await laptop.engine.adopt(assessment.id, assessment.deal);
    await laptop.engine.idle();
    expect((await serverCopy(ann, assessment.id)).status).toBe(200);

    await laptop.store.remove([assessment.id]);
    await laptop.engine.idle();
    expect((await serverCopy(ann, assessment.id)).status).toBe(404);
    laptop.engine.syncNow();
    await laptop.engine.idle();
    expect(await laptop.store.read(assessment.id)).toBeNull();
    laptop.engine.stop();
  });
});
