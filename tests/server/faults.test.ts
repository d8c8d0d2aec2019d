import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { Database } from '../../src/server/db/database';
import { openDatabase } from '../../src/server/db/open-database';
import { openPostgresDatabase } from '../../src/server/db/postgres-database';
import { DATABASE_DOWN_MESSAGE } from '../../src/server/http/error-replies';
import { ApiClient } from './harness/api-client';
import { EventStreamReader } from './harness/read-stream';
import { TcpProxy } from './harness/tcp-proxy';
import { DATABASE_TARGETS, POSTGRES_URL } from './harness/test-databases';
import { startServer } from './harness/test-server';
import { assessmentOf, join, PASSWORD, saveNew } from './harness/team';

const tag = () => randomBytes(4).toString('hex');

/** Asks until the answer is the one wanted; bounded by the test's timeout, not by a guess at how long it takes. */
async function until(ask: () => Promise<number>, wanted: number): Promise<void> {
  while ((await ask()) !== wanted) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('a server restart keeps sessions (they live in the database)', () => {
  it('on embedded PGlite, with its data folder', async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'moatscore-restart-'));
    const config = { databaseUrl: null, dataDir: dir };
    let db: Database | null = await openDatabase(config);
    let server = await startServer(db);
    try {
      const ann = await join(db, server.url, 'partner', `ann-${tag()}`);
      await server.close();
      await db.close();
      db = null;
      db = await openDatabase(config);
      server = await startServer(db);
      const browser = new ApiClient(server.url);
      browser.cookie = ann.client.cookie;
      const me = await browser.get('/api/session');
      expect(me.status).toBe(200);
      expect(me.json).toMatchObject({ id: ann.id });
    } finally {
      await server.close();
      await db?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.runIf(POSTGRES_URL !== null)('on PostgreSQL, from another instance', async () => {
    const target = DATABASE_TARGETS.find((t) => t.name === 'postgres')!;
    const test = await target.create();
    try {
      const first = await startServer(test.db);
      const ann = await join(test.db, first.url, 'partner', `ann-${tag()}`);
      await first.close();
      const second = await startServer(await test.openAnother());
      try {
        const browser = new ApiClient(second.url);
        browser.cookie = ann.client.cookie;
        expect((await browser.get('/api/session')).status).toBe(200);
      } finally {
        await second.close();
      }
    } finally {
      await test.drop();
    }
  });
});

describe.runIf(POSTGRES_URL !== null)('PostgreSQL unreachable for a while', () => {
  it('answers 503 JSON with a clear message, and recovers by itself, live updates included', async () => {
    const target = DATABASE_TARGETS.find((t) => t.name === 'postgres')!;
    const test = await target.create();
    const url = new URL(POSTGRES_URL!);
    const proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
    await proxy.start();
    const viaProxy = new URL(POSTGRES_URL!);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const flaky = openPostgresDatabase({
      connectionString: viaProxy.toString(),
      schema: test.schema!,
    });
    // Only NOTIFY can bring this instance the other's changes in time: its poll is an hour.
    const server = await startServer(flaky, { feedPollMs: 60 * 60 * 1000 });
    const steady = await startServer(test.db);
    let stream: EventStreamReader | null = null;
    try {
      const ann = await join(test.db, steady.url, 'partner', `ann-${tag()}`);
      const browser = new ApiClient(server.url);
      expect(
        (await browser.post('/api/session', { username: ann.username, password: PASSWORD })).status,
      ).toBe(200);

      await proxy.cut();
      for (const path of ['/api/deals', '/api/health', '/api/session']) {
        const down = await browser.get(path);
        expect(down.status, path).toBe(503);
        expect(down.json).toEqual({ message: DATABASE_DOWN_MESSAGE });
        expect(down.headers.get('retry-after')).not.toBeNull();
      }
      const write = await browser.put(`/api/assessments/down-${tag()}`, {
        writeId: crypto.randomUUID(),
        baseRevision: 0,
        assessment: assessmentOf({ id: 'x', deal: 'x', marker: 'x' }),
      });
      expect(write.status).toBe(503);

      await proxy.start();
      await until(async () => (await browser.get('/api/deals')).status, 200);
      // Still signed in: nothing was lost while the database was away.
      expect((await browser.get('/api/session')).json).toMatchObject({ id: ann.id });

      const bob = await join(test.db, steady.url, 'partner', `bob-${tag()}`);
      stream = await EventStreamReader.open(`${server.url}/api/events`, browser.cookie);
      await stream.next((e) => e.event === 'ready');
      const deal = `deal-${tag()}`;
      await saveNew(bob.client, assessmentOf({ id: `b-${tag()}`, deal, marker: 'b' }), true);
      await stream.next(
        (e) => e.event === 'deal-changed' && (e.data as { deal: string }).deal === deal,
      );
    } finally {
      stream?.close();
      await server.close();
      await steady.close();
      await flaky.close();
      await proxy.cut();
      await test.drop();
    }
  }, 60_000);
});
