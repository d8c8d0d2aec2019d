import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { TcpProxy } from '../server/harness/tcp-proxy';
import { POSTGRES_URL } from '../server/harness/test-databases';
import { closeAll, newContext, screenshot, waitUntilOfflineReady, watchPage } from './harness';
import { createTeamServer, type TeamServer } from './harness/team-server';
import { answerByKeyboard, startByKeyboard } from './wizard-flow';

/**
 * What a partner's browser does when the team server goes away mid-work, or
 * its database does: it says so, keeps every change queued on the device
 * (across a reload), and loses nothing once both are back.
 */

afterAll(closeAll);

const PASSWORD = 'a long shared secret';
const servers: TeamServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.dispose()));
});

interface ServerRecord {
  id: string;
  revision: number;
  assessment: { answers: Record<string, { notes: string }> };
}

/** A partner signed in on a fresh browser, at the start screen, with the app installed for offline use. */
async function partnerOn(server: TeamServer): Promise<Page> {
  const link = await server.invite('partner');
  await server.start();
  const context = await newContext({ contextOptions: { baseURL: server.url } });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Choose a username').fill('ann');
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByLabel('Type the password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Join the team' }).click();
  await page.getByRole('button', { name: /^ann/ }).waitFor();
  await waitUntilOfflineReady(page);
  return page;
}

/** The partner's own assessments as the server holds them (asked with the page's own session). */
async function onServer(page: Page): Promise<ServerRecord[]> {
  const list = await page.request.get('/api/assessments');
  if (!list.ok()) return [];
  const heads = ((await list.json()) as { assessments: { id: string }[] }).assessments;
  return Promise.all(
    heads.map(
      async (h) =>
        (await (await page.request.get(`/api/assessments/${h.id}`)).json()) as ServerRecord,
    ),
  );
}

const notesOf = (records: ServerRecord[]) =>
  records.flatMap((r) => Object.values(r.assessment.answers).map((a) => a.notes));

const status = (page: Page) => page.getByTestId('sync-status').innerText();

/** Starts an assessment while signed in (so it is team work) and answers its first step. */
async function startTeamAssessment(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New assessment', exact: true }).click();
  await startByKeyboard(page, 'Fault Tolerant AI', 'Ann');
  await answerByKeyboard(page, 3, 0, 'sent while all was well');
  await expect.poll(async () => notesOf(await onServer(page))).toContain('sent while all was well');
}

describe('team sync through faults', () => {
  it('the server restarts: the change waits on the device, survives a reload, and arrives once the server is back', async () => {
    const server = await createTeamServer();
    servers.push(server);
    const page = await partnerOn(server);
    const guard = await watchPage(page, { origin: server.url });
    await startTeamAssessment(page);

    await server.stop();
    await answerByKeyboard(page, 4, 1, 'written while the server was down');
    await expect
      .poll(() => status(page))
      .toBe('Offline — 1 change kept on this device, sent when back');
    await screenshot(page, 'team-offline-queued');

    // Closed and opened again while the server is still down: the queue is in IndexedDB.
    await page.reload();
    await page.locator('.wizard-step').waitFor();
    await expect
      .poll(() => status(page))
      .toBe('Offline — 1 change kept on this device, sent when back');

    await server.start();
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('Synced');
    const records = await onServer(page);
    expect(records).toHaveLength(1);
    expect(notesOf(records)).toEqual(
      expect.arrayContaining(['sent while all was well', 'written while the server was down']),
    );
    // The network errors while the server was down are the point of this test; nothing else.
    await guard.expectClean({
      ignore: [
        /net::ERR_CONNECTION_REFUSED/,
        /Failed to load resource/,
        /failed request: GET .*\/api\//,
        /failed request: PUT .*\/api\//,
        /EventSource/,
      ],
    });
  });

  it('signed out while the server is down: the session ends on the server once it is back', async () => {
    const server = await createTeamServer();
    servers.push(server);
    const page = await partnerOn(server);
    const guard = await watchPage(page, { origin: server.url });
    const sessionStatus = async () => (await page.request.get('/api/session')).status();
    expect(await sessionStatus()).toBe(200);

    await server.stop();
    await page.getByRole('button', { name: /^ann/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    // Signed out on this device at once, though the server could not be told.
    await page.getByRole('button', { name: 'Sign in to your team' }).waitFor();

    // The browser still holds the session's cookie; the next start tells the server.
    await server.start();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in to your team' }).waitFor();
    await expect.poll(sessionStatus).toBe(401);
    await guard.expectClean({
      ignore: [
        /net::ERR_CONNECTION_REFUSED/,
        /Failed to load resource/,
        /failed request: (GET|PUT|DELETE) .*\/api\//,
        /EventSource/,
      ],
    });
  });

  it.runIf(POSTGRES_URL !== null)(
    'PostgreSQL unreachable for a while: the app says the server is unavailable, keeps the change, and sends it when the database is back',
    async () => {
      const schema = `moatscore_e2e_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: POSTGRES_URL! });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const target = new URL(POSTGRES_URL!);
      const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
      await proxy.start();
      try {
        const viaProxy = new URL(POSTGRES_URL!);
        viaProxy.hostname = '127.0.0.1';
        viaProxy.port = String(proxy.port);
        viaProxy.searchParams.set('options', `-c search_path=${schema}`);
        const server = await createTeamServer({ databaseUrl: viaProxy.href });
        servers.push(server);
        const page = await partnerOn(server);
        await startTeamAssessment(page);

        await proxy.cut();
        await answerByKeyboard(page, 2, 2, 'written while the database was away');
        await expect
          .poll(() => status(page))
          .toBe('Server unavailable — 1 change kept on this device, sent when it is back');

        await proxy.start();
        await expect.poll(() => status(page), { timeout: 60_000 }).toBe('Synced');
        expect(notesOf(await onServer(page))).toContain('written while the database was away');
        await server.stop();
      } finally {
        await proxy.cut();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
    },
  );
});
