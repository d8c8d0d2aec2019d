import { TEAM_SERVER_META } from '../../src/core/team-server-meta';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../src/core/content-security-policy';
import { ROUTES } from '../../src/server/http/route-table';
import { ApiClient } from './harness/api-client';
import { DATABASE_TARGETS, type TestDatabase } from './harness/test-databases';
import { startServer, type RunningServer } from './harness/test-server';
import { assessmentOf, join, PASSWORD, type Person } from './harness/team';

// HTTP behaviour does not depend on the database, so PGlite alone is enough here.
const pglite = DATABASE_TARGETS.find((t) => t.name === 'pglite')!;

describe('HTTP: headers, files, errors, limits, OpenAPI', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let proxied: RunningServer;
  let owner: Person;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(joinPath(tmpdir(), 'moatscore-dist-'));
    writeFileSync(
      joinPath(staticDir, 'index.html'),
      '<!doctype html><title>Moatscore app shell</title>',
    );
    mkdirSync(joinPath(staticDir, 'assets'));
    writeFileSync(joinPath(staticDir, 'assets', 'main-abc123.js'), 'console.log("app")');
    db = await pglite.create();
    server = await startServer(db.db, { staticDir });
    proxied = await startServer(db.db, { staticDir, trustProxy: true });
    owner = await join(db.db, server.url, 'owner', 'owner-http');
  });
  afterAll(async () => {
    await server?.close();
    await proxied?.close();
    await db?.drop();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('sends the security headers on pages, files and API answers alike', async () => {
    for (const path of [
      '/',
      '/assets/main-abc123.js',
      '/api/health',
      '/api/deals',
      '/api/nothing',
    ]) {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get('content-security-policy');
      expect(csp, path).toContain(CONTENT_SECURITY_POLICY);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('HSTS and Secure cookies under https, believing X-Forwarded-Proto only when told to trust the proxy', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const trusted = await fetch(`${proxied.url}/api/health`, { headers: https });
    expect(trusted.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const untrusted = await fetch(`${server.url}/api/health`, { headers: https });
    expect(untrusted.headers.get('strict-transport-security')).toBeNull();

    const signIn = (url: string) =>
      new ApiClient(url).request(
        'POST',
        '/api/session',
        { username: owner.username, password: PASSWORD },
        https,
      );
    expect((await signIn(proxied.url)).headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    expect((await signIn(server.url)).headers.get('set-cookie')).not.toMatch(/Secure/i);
  });

  it('serves the built app, with index.html for app paths and JSON 404s under /api', async () => {
    for (const path of ['/', '/deals/some-deal']) {
      const page = await fetch(`${server.url}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type'), path).toMatch(/text\/html/);
      expect(page.headers.get('cache-control'), path).toBe('no-cache');
      const html = await page.text();
      expect(html, path).toContain('Moatscore app shell');
      // The app finds it is served by a team server, and so offers signing in.
      expect(html, path).toContain(`<meta name="${TEAM_SERVER_META}" content="1">`);
    }
    const asset = await fetch(`${server.url}/assets/main-abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const api = await fetch(`${server.url}/api/no-such-thing`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { message: string }).message).toContain('/api/no-such-thing');
  });

  it('answers every error as JSON with a message', async () => {
    const client = owner.client;
    const cases = [
      await client.request('POST', '/api/invitations', '{"role": "partner"', {
        'content-type': 'application/json',
      }),
      await client.request('POST', '/api/invitations', 'role=partner', {
        'content-type': 'text/plain',
      }),
      await client.request('POST', '/api/invitations', { role: 'emperor' }),
      await client.request('POST', '/api/invitations', { role: 'founder' }),
      await client.request('POST', '/api/invitations', '{"__proto__": {"role": "owner"}}', {
        'content-type': 'application/json',
      }),
      await client.request('GET', '/api/audit?limit=-4'),
    ];
    expect(cases.map((c) => c.status)).toEqual([400, 415, 400, 400, 400, 400]);
    for (const response of cases) {
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(typeof (response.json as { message: unknown }).message).toBe('string');
    }
    expect((cases[3]!.json as { message: string }).message).toMatch(/deal/);
  });

  it('refuses bodies over the limit before reading them', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const assessment = { ...assessmentOf({ id: 'big', deal: 'big', marker: 'big' }), padding: big };
    const response = await owner.client.put('/api/assessments/big', {
      writeId: crypto.randomUUID(),
      baseRevision: 0,
      assessment,
    });
    expect(response.status).toBe(413);
    expect(typeof (response.json as { message: unknown }).message).toBe('string');
    const small = await owner.client.request('POST', '/api/session', {
      username: 'x',
      password: 'y'.repeat(100 * 1024),
    });
    expect(small.status).toBe(413);
  });

  it('refuses a state change sent from another site', async () => {
    const response = await owner.client.request(
      'POST',
      '/api/invitations',
      { role: 'partner' },
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    const same = await owner.client.request(
      'POST',
      '/api/invitations',
      { role: 'partner' },
      { origin: server.url },
    );
    expect(same.status).toBe(201);
  });

  it('documents every route in OpenAPI 3.1, with the request schemas the server validates with', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of ROUTES) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation?.requestBody !== undefined, `${route.method} ${route.path} body`).toBe(
        route.body !== undefined,
      );
    }
    const put = doc.paths['/api/assessments/{id}']!.put!.requestBody!.content['application/json']!
      .schema as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(put.properties).sort()).toEqual(['assessment', 'baseRevision', 'writeId']);
    expect(put.properties.assessment).toEqual({ $ref: '#/components/schemas/Assessment' });
    expect(Object.keys(doc.components.schemas.Assessment!.properties!)).toContain('answers');
    // Every reference resolves inside the document.
    for (const ref of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(doc.components.schemas[ref[1]!], ref[1]).toBeDefined();
    }
  });
});
