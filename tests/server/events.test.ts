import { randomBytes } from 'node:crypto';
import { EventStreamReader } from './harness/read-stream';
import { DATABASE_TARGETS, type TestDatabase } from './harness/test-databases';
import { startServer, type RunningServer } from './harness/test-server';
import { assessmentOf, join, PASSWORD, save, saveNew, type Person } from './harness/team';

const tag = () => randomBytes(4).toString('hex');

describe.each(DATABASE_TARGETS)('live updates on $name', (target) => {
  let db: TestDatabase;
  let first: RunningServer;
  let second: RunningServer;
  let owner: Person;
  const streams: EventStreamReader[] = [];

  beforeAll(async () => {
    db = await target.create();
    first = await startServer(db.db);
    // The second instance: on PostgreSQL its own connections and a poll too slow to matter,
    // so only LISTEN/NOTIFY can bring it the first instance's changes; on PGlite (one
    // process) the same handle, and the change-counter poll.
    second =
      target.name === 'postgres'
        ? await startServer(await db.openAnother(), { feedPollMs: 60 * 60 * 1000 })
        : await startServer(db.db);
    owner = await join(db.db, first.url, 'owner', `owner-${tag()}`);
  });
  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await first?.close();
    await second?.close();
    await db?.drop();
  });

  const open = async (url: string, person: Person | null) => {
    const stream = await EventStreamReader.open(`${url}/api/events`, person?.client.cookie ?? null);
    streams.push(stream);
    if (stream.status === 200) await stream.next((e) => e.event === 'ready');
    return stream;
  };

  it('refuses a stream without a session', async () => {
    const stream = await open(first.url, null);
    expect(stream.status).toBe(401);
  });

  it('tells partners on another instance that a deal changed, without what changed', async () => {
    const deal = `deal-${tag()}`;
    const ann = await join(db.db, first.url, 'partner', `ann-${tag()}`);
    const bob = await join(db.db, first.url, 'partner', `bob-${tag()}`);
    const watching = await open(second.url, bob);
    expect(watching.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(watching.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const marker = `SECRET-${tag()}`;
    await saveNew(ann.client, assessmentOf({ id: `a-${tag()}`, deal, marker }), true);
    const event = await watching.next(
      (e) =>
        e.event === 'deal-changed' &&
        (e.data as { deal: string; kind: string }).deal === deal &&
        (e.data as { kind: string }).kind === 'submitted',
    );
    expect(event.data).toEqual({ deal, kind: 'submitted' });
    expect(JSON.stringify(watching.received)).not.toContain(marker);
    expect(JSON.stringify(watching.received)).not.toContain(ann.id);
  });

  it("tells partners that a deal exists once a teammate's first draft creates it, once", async () => {
    const deal = `deal-${tag()}`;
    const ann = await join(db.db, first.url, 'partner', `ann-${tag()}`);
    const bob = await join(db.db, first.url, 'partner', `bob-${tag()}`);
    const watching = await open(second.url, bob);
    const marker = `DRAFT-${tag()}`;
    await saveNew(ann.client, assessmentOf({ id: `a-${tag()}`, deal, marker }));
    const created = await watching.next(
      (e) => e.event === 'deal-changed' && (e.data as { deal: string }).deal === deal,
    );
    expect(created.data).toEqual({ deal, kind: 'deal-created' });
    // A second draft of the same deal creates nothing: once Ann's own change for it has
    // come through Bob's later own change, no second deal-created is on its way.
    await saveNew(ann.client, assessmentOf({ id: `b-${tag()}`, deal, marker }));
    const own = assessmentOf({ id: `c-${tag()}`, deal: `other-${tag()}`, marker: 'own' });
    await save(bob.client, own);
    await watching.next((e) => e.event === 'assessment-changed');
    const about = watching.received.filter(
      (e) => e.event === 'deal-changed' && (e.data as { deal: string }).deal === deal,
    );
    expect(about).toHaveLength(1);
    expect(JSON.stringify(watching.received)).not.toContain(marker);
  });

  it("does not tell a founder guest about the fund's submissions, only about their own work", async () => {
    const deal = `deal-${tag()}`;
    const ann = await join(db.db, first.url, 'partner', `ann-${tag()}`);
    const founder = await join(db.db, first.url, 'founder', `fay-${tag()}`, deal);
    const watching = await open(second.url, founder);
    await saveNew(ann.client, assessmentOf({ id: `a-${tag()}`, deal, marker: 'fund' }), true);
    // Changes reach a stream in commit order: once the founder's own later change
    // arrives, the fund's earlier submission would already have come if it were sent.
    const selfId = `self-${tag()}`;
    await saveNew(
      founder.client,
      assessmentOf({ id: selfId, deal, marker: 'self', role: 'founder' }),
    );
    const own = await watching.next((e) => e.event === 'assessment-changed');
    expect(own.data).toEqual({ deal, id: selfId });
    expect(watching.received.filter((e) => e.event === 'deal-changed')).toEqual([]);
  });

  it("tells a member's other browsers when their own assessment changes", async () => {
    const ann = await join(db.db, first.url, 'partner', `ann-${tag()}`);
    const phone = await open(second.url, ann);
    const a = assessmentOf({ id: `a-${tag()}`, deal: `deal-${tag()}`, marker: 'draft' });
    await save(ann.client, a);
    const event = await phone.next((e) => e.event === 'assessment-changed');
    expect(event.data).toEqual({ deal: a.deal, id: a.id });
  });

  it('closes the streams of a member who signs out everywhere, or is removed, on every instance', async () => {
    const ann = await join(db.db, first.url, 'partner', `ann-${tag()}`);
    const onSecond = await open(second.url, ann);
    const onFirst = await open(first.url, ann);
    expect((await ann.client.delete('/api/sessions')).status).toBe(204);
    await onSecond.next((e) => e.event === 'signed-out');
    await onSecond.closedByServer();
    await onFirst.closedByServer();

    const bob = await join(db.db, first.url, 'partner', `bob-${tag()}`);
    const bobStream = await open(second.url, bob);
    expect((await owner.client.delete(`/api/members/${bob.id}`)).status).toBe(204);
    await bobStream.next((e) => e.event === 'signed-out');
    await bobStream.closedByServer();
  });

  it('keeps the stream of a member whose other session signs out', async () => {
    const ann = await join(db.db, first.url, 'partner', `ann-${tag()}`);
    const stays = await open(second.url, ann);
    const laptop = ann.client.clone();
    const relogged = await laptop.post('/api/session', {
      username: ann.username,
      password: PASSWORD,
    });
    expect(relogged.status).toBe(200);
    expect((await laptop.delete('/api/session')).status).toBe(204);
    // A stream handles changes in log order, so once Ann's later change arrives the
    // sign-out before it has been checked, and did not close this stream.
    const a = assessmentOf({ id: `a-${tag()}`, deal: `deal-${tag()}`, marker: 'still' });
    await save(ann.client, a);
    await stays.next((e) => e.event === 'assessment-changed');
    expect(stays.ended).toBe(false);
    expect(stays.received.some((e) => e.event === 'signed-out')).toBe(false);
  });
});
