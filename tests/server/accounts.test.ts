import { createHash, randomBytes } from 'node:crypto';
import { ApiClient } from './harness/api-client';
import { DATABASE_TARGETS, type TestDatabase } from './harness/test-databases';
import { startServer, type RunningServer } from './harness/test-server';
import { assessmentOf, inviteToken, join, PASSWORD, saveNew, type Person } from './harness/team';

const tag = () => randomBytes(4).toString('hex');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const cookieValue = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

describe.each(DATABASE_TARGETS)('accounts and sessions on $name', (target) => {
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

  it('an invitation works once, for 7 days, and a taken username leaves it usable', async () => {
    const made = await owner.client.post('/api/invitations', { role: 'partner' });
    expect(made.status).toBe(201);
    const { link } = made.json as { link: string };
    expect(link.startsWith('http://moatscore.test/#invite=')).toBe(true);
    const token = link.slice(link.indexOf('=') + 1);
    const rows = await db.db.query<{ days: number }>(
      `select extract(epoch from (expires_at - created_at))::int / 86400 as days from invitations where token_hash = $1`,
      [sha256(token)],
    );
    expect(rows[0]?.days).toBe(7);

    const inspected = await new ApiClient(server.url).post('/api/invitations/inspect', { token });
    expect(inspected.json).toMatchObject({ role: 'partner', deal: null });
    const clash = await new ApiClient(server.url).post('/api/invitations/accept', {
      token,
      username: owner.username,
      password: PASSWORD,
    });
    expect(clash.status).toBe(409);
    const first = await new ApiClient(server.url).post('/api/invitations/accept', {
      token,
      username: `eve-${tag()}`,
      password: PASSWORD,
    });
    expect(first.status).toBe(201);
    const second = await new ApiClient(server.url).post('/api/invitations/accept', {
      token,
      username: `mal-${tag()}`,
      password: PASSWORD,
    });
    expect(second.status).toBe(410);
    expect(
      (await new ApiClient(server.url).post('/api/invitations/inspect', { token })).status,
    ).toBe(410);
  });

  it('an expired invitation is refused', async () => {
    const token = await inviteToken(db.db, 'partner');
    await db.db.query(
      `update invitations set expires_at = now() - interval '1 second' where token_hash = $1`,
      [sha256(token)],
    );
    const response = await new ApiClient(server.url).post('/api/invitations/accept', {
      token,
      username: `late-${tag()}`,
      password: PASSWORD,
    });
    expect(response.status).toBe(410);
    expect((response.json as { message: string }).message).toMatch(/expired/);
  });

  it('a short password is refused before anything is stored', async () => {
    const token = await inviteToken(db.db, 'partner');
    const response = await new ApiClient(server.url).post('/api/invitations/accept', {
      token,
      username: `short-${tag()}`,
      password: 'short',
    });
    expect(response.status).toBe(400);
    expect(
      (await new ApiClient(server.url).post('/api/invitations/inspect', { token })).status,
    ).toBe(200);
  });

  it('passwords are stored as memory-hard scrypt hashes and sessions only as token hashes', async () => {
    const person = await join(db.db, server.url, 'partner', `hash-${tag()}`);
    const [row] = await db.db.query<{ password_hash: string }>(
      'select password_hash from members where id = $1',
      [person.id],
    );
    const [, N, r] = row!.password_hash.split('$');
    expect(row!.password_hash.startsWith('scrypt$')).toBe(true);
    expect(Number(N) * Number(r) * 128).toBeGreaterThanOrEqual(16 * 1024 * 1024);
    expect(row!.password_hash).not.toContain(PASSWORD);
    const token = cookieValue(person.client.cookie!);
    const sessions = await db.db.query<{ token_hash: string }>(
      'select token_hash from sessions where member_id = $1',
      [person.id],
    );
    expect(sessions.map((s) => s.token_hash)).toEqual([sha256(token)]);
  });

  it('the session cookie is HttpOnly, SameSite=Strict, and not Secure over plain http', async () => {
    const person = await join(db.db, server.url, 'partner', `ck-${tag()}`);
    const response = await new ApiClient(server.url).post('/api/session', {
      username: person.username,
      password: PASSWORD,
    });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('a wrong password or unknown name gets the same 401', async () => {
    const person = await join(db.db, server.url, 'partner', `pw-${tag()}`);
    const wrong = await new ApiClient(server.url).post('/api/session', {
      username: person.username,
      password: 'not the password',
    });
    const unknown = await new ApiClient(server.url).post('/api/session', {
      username: `nobody-${tag()}`,
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
  });

  it('signing out ends that session only; signing out everywhere ends them all', async () => {
    const person = await join(db.db, server.url, 'partner', `so-${tag()}`);
    const laptop = person.client;
    const phone = new ApiClient(server.url);
    expect(
      (await phone.post('/api/session', { username: person.username, password: PASSWORD })).status,
    ).toBe(200);
    const tablet = new ApiClient(server.url);
    expect(
      (await tablet.post('/api/session', { username: person.username, password: PASSWORD })).status,
    ).toBe(200);

    const laptopCookie = laptop.cookie!;
    expect((await laptop.delete('/api/session')).status).toBe(204);
    const replayed = new ApiClient(server.url);
    replayed.cookie = laptopCookie;
    expect((await replayed.get('/api/session')).status).toBe(401);
    expect((await phone.get('/api/session')).status).toBe(200);

    const tabletCookie = tablet.cookie!;
    expect((await phone.delete('/api/sessions')).status).toBe(204);
    tablet.cookie = tabletCookie;
    expect((await tablet.get('/api/session')).status).toBe(401);
  });

  it("a removed member's sessions stop at once and they cannot sign in; their assessments stay", async () => {
    const person = await join(db.db, server.url, 'partner', `rm-${tag()}`);
    const deal = `deal-${tag()}`;
    await saveNew(person.client, assessmentOf({ id: `rm-${tag()}`, deal, marker: 'stays' }), true);
    const cookie = person.client.cookie!;
    expect((await person.client.get('/api/deals')).status).toBe(200);
    expect((await owner.client.delete(`/api/members/${person.id}`)).status).toBe(204);
    const old = new ApiClient(server.url);
    old.cookie = cookie;
    expect((await old.get('/api/deals')).status).toBe(401);
    expect(
      (
        await new ApiClient(server.url).post('/api/session', {
          username: person.username,
          password: PASSWORD,
        })
      ).status,
    ).toBe(401);
    expect((await owner.client.get(`/api/deals/${deal}`)).json).toMatchObject({
      deal: { submitted: 1 },
    });
  });

  it('the last owner cannot be removed', async () => {
    const others = (await owner.client.get('/api/members')).json as {
      members: { id: string; role: string }[];
    };
    for (const other of others.members.filter((m) => m.role === 'owner' && m.id !== owner.id)) {
      expect((await owner.client.delete(`/api/members/${other.id}`)).status).toBe(204);
    }
    const self = await owner.client.delete(`/api/members/${owner.id}`);
    expect(self.status).toBe(409);
    expect((await owner.client.get('/api/session')).status).toBe(200);
  });

  it('sign-in is rate-limited per account and per address, counted in the database across instances', async () => {
    const limits = {
      account: { max: 3, windowSeconds: 900 },
      address: { max: 8, windowSeconds: 900 },
    };
    await db.db.query('delete from sign_in_attempts');
    const second = await startServer(db.db, { signInLimits: limits });
    const third = await startServer(target.name === 'postgres' ? await db.openAnother() : db.db, {
      signInLimits: limits,
    });
    try {
      const person = await join(db.db, server.url, 'partner', `rl-${tag()}`);
      const attempt = (url: string, username: string, password: string) =>
        new ApiClient(url).post('/api/session', { username, password });
      // Attempts spread over two instances count together.
      expect((await attempt(second.url, person.username, 'wrong password 1')).status).toBe(401);
      expect((await attempt(third.url, person.username, 'wrong password 2')).status).toBe(401);
      expect((await attempt(second.url, person.username, 'wrong password 3')).status).toBe(401);
      const locked = await attempt(third.url, person.username, PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.headers.get('retry-after')).not.toBeNull();

      // Another account from the same address still gets in, until the address limit.
      const other = await join(db.db, server.url, 'partner', `rl2-${tag()}`);
      expect((await attempt(second.url, other.username, PASSWORD)).status).toBe(200);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1)
        statuses.push((await attempt(second.url, `nobody-${tag()}`, 'x')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      expect((await attempt(third.url, other.username, PASSWORD)).status).toBe(429);
    } finally {
      await second.close();
      await third.close();
      await db.db.query('delete from sign_in_attempts');
    }
  });
});
