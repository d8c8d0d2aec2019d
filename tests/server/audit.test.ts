import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { DATABASE_TARGETS, type TestDatabase } from './harness/test-databases';
import { startServer, type RunningServer } from './harness/test-server';
import { assessmentOf, join, save, saveNew, type Person } from './harness/team';

interface Entry {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  deal: string | null;
}

const tag = () => randomBytes(4).toString('hex');

describe.each(DATABASE_TARGETS)('audit log on $name', (target) => {
  let db: TestDatabase;
  let server: RunningServer;
  let owner: Person;

  beforeAll(async () => {
    db = await target.create();
    server = await startServer(db.db);
    owner = await join(db.db, server.url, 'owner', `owner-${tag()}`);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const entries = async () =>
    ((await owner.client.get('/api/audit?limit=1000')).json as { entries: Entry[] }).entries;

  it('records who invited, created, changed, submitted, revealed, deleted and removed what', async () => {
    const deal = `deal-${tag()}`;
    expect((await owner.client.post('/api/invitations', { role: 'partner' })).status).toBe(201);
    const ann = await join(db.db, server.url, 'partner', `ann-${tag()}`);
    const a = assessmentOf({ id: `a-${tag()}`, deal, marker: 'one' });
    await saveNew(ann.client, a);
    expect(
      (await save(ann.client, assessmentOf({ id: a.id, deal, marker: 'two' }), 1)).status,
    ).toBe(200);
    expect((await ann.client.post(`/api/assessments/${a.id}/submit`, { revision: 2 })).status).toBe(
      200,
    );
    expect((await owner.client.post(`/api/deals/${deal}/reveal`, {})).status).toBe(204);
    expect((await owner.client.delete(`/api/assessments/${a.id}`)).status).toBe(204);
    expect((await owner.client.delete(`/api/deals/${deal}`)).status).toBe(204);
    expect((await owner.client.delete(`/api/members/${ann.id}`)).status).toBe(204);

    const log = await entries();
    const find = (actor: string, action: string, targetId?: string) =>
      log.find(
        (e) =>
          e.actor === actor &&
          e.action === action &&
          (targetId === undefined || e.targetId === targetId),
      );
    expect(find(owner.username, 'invited')).toMatchObject({ targetType: 'invitation' });
    expect(find(ann.username, 'joined', ann.id)).toBeDefined();
    expect(find(ann.username, 'created', a.id)).toMatchObject({ deal });
    expect(find(ann.username, 'changed', a.id)).toMatchObject({ deal });
    expect(find(ann.username, 'submitted', a.id)).toMatchObject({ deal });
    expect(find(owner.username, 'revealed', deal)).toBeDefined();
    expect(find(owner.username, 'deleted', a.id)).toMatchObject({ targetType: 'assessment' });
    expect(find(owner.username, 'deleted', deal)).toMatchObject({ targetType: 'deal' });
    expect(find(owner.username, 'removed', ann.id)).toBeDefined();
    // Newest first.
    expect(log.findIndex((e) => e.action === 'removed')).toBeLessThan(
      log.findIndex((e) => e.action === 'created'),
    );
  });

  it('pages back with `before`', async () => {
    const firstPage = (
      (await owner.client.get('/api/audit?limit=2')).json as { entries: { id: number }[] }
    ).entries;
    expect(firstPage).toHaveLength(2);
    const next = (
      (await owner.client.get(`/api/audit?limit=2&before=${firstPage[1]!.id}`)).json as {
        entries: { id: number }[];
      }
    ).entries;
    expect(next.every((e) => e.id < firstPage[1]!.id)).toBe(true);
  });

  it('exports as CSV with a BOM, formula cells neutralised, and logs the export itself', async () => {
    const bob = await join(db.db, server.url, 'partner', `bob-${tag()}`);
    const hostileDeal = `=HYPERLINK("http://x.example","${tag()}")`;
    await saveNew(bob.client, assessmentOf({ id: `h-${tag()}`, deal: hostileDeal, marker: 'h' }));
    // Raw bytes: fetch's text() would drop the byte-order mark we are checking for.
    const response = await fetch(`${server.url}/api/audit.csv`, {
      headers: { cookie: owner.client.cookie! },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { columns: true }) as Record<
      string,
      string
    >[];
    const hostile = rows.find((r) => r.deal?.includes('HYPERLINK'));
    expect(hostile?.deal).toBe(`'${hostileDeal}`);
    expect(rows.some((r) => r.action === 'exported' && r.actor === owner.username)).toBe(true);
  });
});
