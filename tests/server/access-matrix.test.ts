import { randomBytes, randomUUID } from 'node:crypto';
import { ROUTES } from '../../src/server/http/route-table';
import type { Route } from '../../src/server/http/route';
import { ApiClient, type ApiResponse } from './harness/api-client';
import { EventStreamReader } from './harness/read-stream';
import { DATABASE_TARGETS, type TestDatabase } from './harness/test-databases';
import { startServer, type RunningServer } from './harness/test-server';
import { assessmentOf, inviteToken, join, PASSWORD, saveNew, type Person } from './harness/team';

/**
 * Every route × every kind of caller, aimed at someone else's data. The
 * routes come from the server's own table, and the test refuses to run
 * when a route has no case here, so a new route cannot be forgotten.
 */

type CallerName =
  | 'anonymous'
  | 'owner'
  | 'partnerSubmitted'
  | 'partnerBlind'
  | 'founderOther'
  | 'removed'
  | 'signedOut';
const CALLERS: CallerName[] = [
  'anonymous',
  'owner',
  'partnerSubmitted',
  'partnerBlind',
  'founderOther',
  'removed',
  'signedOut',
];

interface Written {
  id: string;
  authorId: string;
  deal: string;
  submitted: boolean;
  marker: string;
}

interface Fixture {
  db: TestDatabase;
  server: RunningServer;
  owner: Person;
  p1: Person;
  p2: Person;
  founderA: Person;
  founderB: Person;
  removedCookie: string;
  signedOutCookie: string;
  removedPerson: Person;
  written: Written[];
  usedToken: string;
  expiredToken: string;
  rubricId: string;
  dealA: string;
  dealB: string;
}

interface Caller {
  name: CallerName;
  client: ApiClient;
  /** Who the session belongs to while it is valid; null for anonymous, removed and signed-out. */
  person: Person | null;
  credentials: { username: string; password: string } | null;
}

interface Call {
  method: string;
  path: string;
  body?: unknown;
  client?: ApiClient;
  stream?: boolean;
}

const mark = (who: string) => `MARK-${who}-${randomBytes(4).toString('hex')}`;

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${randomBytes(3).toString('hex')}`;

/** A fresh session for a caller who has one, so signing it out leaves the caller's main session alone. */
async function freshSession(fx: Fixture, caller: Caller): Promise<ApiClient> {
  if (caller.person === null || caller.credentials === null) return caller.client;
  const client = new ApiClient(fx.server.url);
  const signedIn = await client.post('/api/session', caller.credentials);
  if (signedIn.status !== 200)
    throw new Error(`sign-in for a fresh session failed: ${signedIn.text}`);
  return client;
}

const allowed = (route: Route, caller: Caller) =>
  caller.person !== null &&
  (typeof route.access === 'string' || route.access.includes(caller.person.role));

/** The owner's destructive calls hit throw-away targets, so the fixture survives the matrix. */
async function throwawayDeal(fx: Fixture): Promise<string> {
  const deal = unique('throwaway');
  await saveNew(
    fx.owner.client,
    assessmentOf({ id: unique('throwaway'), deal, marker: 'throwaway' }),
  );
  return deal;
}

const CASES: Record<string, (fx: Fixture, caller: Caller, route: Route) => Promise<Call[]>> = {
  'GET /api/session': async () => [{ method: 'GET', path: '/api/session' }],
  'POST /api/session': async (fx, caller) => [
    {
      method: 'POST',
      path: '/api/session',
      body: caller.credentials ?? { username: fx.p1.username, password: 'not the password' },
      client: new ApiClient(fx.server.url),
    },
  ],
  'DELETE /api/session': async (fx, caller) => [
    { method: 'DELETE', path: '/api/session', client: await freshSession(fx, caller) },
  ],
  'DELETE /api/sessions': async (fx, caller) => [
    { method: 'DELETE', path: '/api/sessions', client: await freshSession(fx, caller) },
  ],
  'POST /api/invitations': async () => [
    { method: 'POST', path: '/api/invitations', body: { role: 'partner' } },
  ],
  'POST /api/invitations/inspect': async (fx) => [
    { method: 'POST', path: '/api/invitations/inspect', body: { token: fx.usedToken } },
    { method: 'POST', path: '/api/invitations/inspect', body: { token: fx.expiredToken } },
  ],
  'POST /api/invitations/accept': async (fx) =>
    [fx.usedToken, fx.expiredToken].map((token) => ({
      method: 'POST',
      path: '/api/invitations/accept',
      body: { token, username: unique('late'), password: PASSWORD },
      client: new ApiClient(fx.server.url),
    })),
  'GET /api/members': async () => [{ method: 'GET', path: '/api/members' }],
  'DELETE /api/members/:id': async (fx, caller, route) => {
    const target = allowed(route, caller)
      ? (await join(fx.db.db, fx.server.url, 'partner', unique('leaver'))).id
      : fx.p1.id;
    return [{ method: 'DELETE', path: `/api/members/${target}` }];
  },
  'GET /api/deals': async () => [{ method: 'GET', path: '/api/deals' }],
  'GET /api/deals/:key': async (fx) =>
    [fx.dealA, fx.dealB].map((key) => ({
      method: 'GET',
      path: `/api/deals/${encodeURIComponent(key)}`,
    })),
  'POST /api/deals/:key/reveal': async (fx, caller, route) => {
    const key = allowed(route, caller) ? await throwawayDeal(fx) : fx.dealA;
    return [{ method: 'POST', path: `/api/deals/${encodeURIComponent(key)}/reveal`, body: {} }];
  },
  'DELETE /api/deals/:key': async (fx, caller, route) => {
    const key = allowed(route, caller) ? await throwawayDeal(fx) : fx.dealA;
    return [{ method: 'DELETE', path: `/api/deals/${encodeURIComponent(key)}` }];
  },
  'GET /api/assessments': async () => [{ method: 'GET', path: '/api/assessments' }],
  'GET /api/assessments/:id': async (fx) =>
    fx.written.map((w) => ({ method: 'GET', path: `/api/assessments/${w.id}` })),
  'PUT /api/assessments/:id': async (fx) => {
    const target = fx.written.find((w) => w.authorId === fx.p1.id)!;
    return [
      {
        method: 'PUT',
        path: `/api/assessments/${target.id}`,
        body: {
          writeId: randomUUID(),
          baseRevision: 1,
          assessment: assessmentOf({ id: target.id, deal: target.deal, marker: 'INTRUDER' }),
        },
      },
    ];
  },
  'POST /api/assessments/:id/submit': async (fx, caller) => {
    // Someone else's draft; the blind partner aims at the submitted one instead of submitting their own.
    const draft = fx.written.find((w) => w.authorId === fx.p2.id)!;
    const other = fx.written.find((w) => w.authorId === fx.p1.id)!;
    const target = caller.name === 'partnerBlind' ? other : draft;
    return [
      { method: 'POST', path: `/api/assessments/${target.id}/submit`, body: { revision: 1 } },
    ];
  },
  'DELETE /api/assessments/:id': async (fx, caller, route) => {
    if (caller.name === 'owner') {
      const id = unique('doomed');
      await saveNew(fx.p1.client, assessmentOf({ id, deal: fx.dealA, marker: 'doomed' }));
      return [{ method: 'DELETE', path: `/api/assessments/${id}` }];
    }
    void route;
    const draft = fx.written.find((w) => w.authorId === fx.p2.id)!;
    const other = fx.written.find((w) => w.authorId === fx.p1.id)!;
    return [
      {
        method: 'DELETE',
        path: `/api/assessments/${caller.name === 'partnerBlind' ? other.id : draft.id}`,
      },
    ];
  },
  'GET /api/rubrics': async () => [{ method: 'GET', path: '/api/rubrics' }],
  'PUT /api/rubrics/:id': async (fx) => {
    const rubric = { ...assessmentOf({ id: 'x', deal: 'x', marker: 'x' }).rubric, id: fx.rubricId };
    return [{ method: 'PUT', path: `/api/rubrics/${fx.rubricId}`, body: rubric }];
  },
  'DELETE /api/rubrics/:id': async (fx, caller, route) => {
    let id = fx.rubricId;
    if (allowed(route, caller)) {
      id = unique('throwaway-rubric');
      const rubric = { ...assessmentOf({ id: 'x', deal: 'x', marker: 'x' }).rubric, id };
      const saved = await fx.owner.client.put(`/api/rubrics/${id}`, rubric);
      if (saved.status !== 200) throw new Error(saved.text);
    }
    return [{ method: 'DELETE', path: `/api/rubrics/${id}` }];
  },
  'GET /api/audit': async () => [{ method: 'GET', path: '/api/audit?limit=1000' }],
  'GET /api/audit.csv': async () => [{ method: 'GET', path: '/api/audit.csv' }],
  'GET /api/health': async () => [{ method: 'GET', path: '/api/health' }],
  'GET /api/openapi.json': async () => [{ method: 'GET', path: '/api/openapi.json' }],
  'GET /api/events': async () => [{ method: 'GET', path: '/api/events', stream: true }],
};

/** Blind scoring as PRODUCT.md states it, written out independently of the server's SQL. */
function mayRead(fx: Fixture, person: Person | null, w: Written): boolean {
  if (person === null) return false;
  if (w.authorId === person.id) return true;
  if (person.role === 'founder' || !w.submitted) return false;
  return fx.written.some(
    (mine) => mine.authorId === person.id && mine.deal === w.deal && mine.submitted,
  );
}

async function perform(call: Call, caller: Caller): Promise<ApiResponse> {
  const client = call.client ?? caller.client;
  if (call.stream === true) {
    const stream = await EventStreamReader.open(`${client.baseUrl}${call.path}`, client.cookie);
    try {
      if (stream.status === 200) await stream.next((e) => e.event === 'ready');
      else await stream.closedByServer();
    } finally {
      stream.close();
    }
    return {
      status: stream.status,
      headers: stream.headers,
      text: JSON.stringify(stream.received),
      json: undefined,
    };
  }
  return client.request(call.method, call.path, call.body);
}

describe.each(DATABASE_TARGETS)('access matrix on $name', (target) => {
  let fx: Fixture;
  const callers = new Map<CallerName, Caller>();

  beforeAll(async () => {
    const db = await target.create();
    const server = await startServer(db.db);
    const url = server.url;
    const dealA = unique('deal-a');
    const dealB = unique('deal-b');
    const owner = await join(db.db, url, 'owner', unique('owner'));
    const p1 = await join(db.db, url, 'partner', unique('p1'));
    const p2 = await join(db.db, url, 'partner', unique('p2'));
    const founderA = await join(db.db, url, 'founder', unique('fa'), dealA);
    const founderB = await join(db.db, url, 'founder', unique('fb'), dealB);
    const removedPerson = await join(db.db, url, 'partner', unique('gone'));
    const signedOut = await join(db.db, url, 'partner', unique('out'));

    const written: Written[] = [];
    const write = async (
      person: Person,
      deal: string,
      submit: boolean,
      role: 'investor' | 'founder' = 'investor',
    ) => {
      const marker = mark(person.username);
      const id = unique('a');
      await saveNew(person.client, assessmentOf({ id, deal, marker, role }), submit);
      written.push({ id, authorId: person.id, deal, submitted: submit, marker });
    };
    await write(p1, dealA, true);
    await write(p2, dealA, false);
    await write(founderA, dealA, true, 'founder');
    await write(founderB, dealB, false, 'founder');
    await write(removedPerson, dealA, true);
    await write(signedOut, dealB, true);

    const removedCookie = removedPerson.client.cookie!;
    expect((await owner.client.delete(`/api/members/${removedPerson.id}`)).status).toBe(204);
    const signedOutCookie = signedOut.client.cookie!;
    expect((await signedOut.client.delete('/api/session')).status).toBe(204);

    const usedToken = await inviteToken(db.db, 'partner');
    const used = await new ApiClient(url).post('/api/invitations/accept', {
      token: usedToken,
      username: unique('first'),
      password: PASSWORD,
    });
    expect(used.status).toBe(201);
    const expiredToken = await inviteToken(db.db, 'partner');
    await db.db.query(
      `update invitations set expires_at = now() - interval '1 minute' where used_at is null and token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      [expiredToken],
    );
    const rubricId = unique('fund-rubric');
    const rubric = { ...assessmentOf({ id: 'x', deal: 'x', marker: 'x' }).rubric, id: rubricId };
    expect((await owner.client.put(`/api/rubrics/${rubricId}`, rubric)).status).toBe(200);

    fx = {
      db,
      server,
      owner,
      p1,
      p2,
      founderA,
      founderB,
      removedCookie,
      signedOutCookie,
      removedPerson,
      written,
      usedToken,
      expiredToken,
      rubricId,
      dealA,
      dealB,
    };
    const withCookie = (cookie: string) => {
      const client = new ApiClient(url);
      client.cookie = cookie;
      return client;
    };
    const credentials = (p: Person) => ({ username: p.username, password: PASSWORD });
    callers.set('anonymous', {
      name: 'anonymous',
      client: new ApiClient(url),
      person: null,
      credentials: null,
    });
    callers.set('owner', {
      name: 'owner',
      client: owner.client,
      person: owner,
      credentials: credentials(owner),
    });
    callers.set('partnerSubmitted', {
      name: 'partnerSubmitted',
      client: p1.client,
      person: p1,
      credentials: credentials(p1),
    });
    callers.set('partnerBlind', {
      name: 'partnerBlind',
      client: p2.client,
      person: p2,
      credentials: credentials(p2),
    });
    callers.set('founderOther', {
      name: 'founderOther',
      client: founderB.client,
      person: founderB,
      credentials: credentials(founderB),
    });
    callers.set('removed', {
      name: 'removed',
      client: withCookie(removedCookie),
      person: null,
      credentials: credentials(removedPerson),
    });
    callers.set('signedOut', {
      name: 'signedOut',
      client: withCookie(signedOutCookie),
      person: null,
      credentials: null,
    });
  });

  afterAll(async () => {
    await fx?.server.close();
    await fx?.db.drop();
  });

  it('has a case for every route in the table, and no case for a route that is gone', () => {
    const routeKeys = ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect(Object.keys(CASES).sort()).toEqual(routeKeys);
  });

  for (const route of ROUTES) {
    for (const callerName of CALLERS) {
      it(`${route.method} ${route.path} as ${callerName}: the right refusal, and no data the caller may not see`, async () => {
        const caseOf = CASES[`${route.method} ${route.path}`];
        expect(caseOf, 'a case for this route').toBeDefined();
        const caller = callers.get(callerName)!;
        const calls = await caseOf!(fx, caller, route);
        for (const call of calls) {
          const response = await perform(call, caller);
          expect(
            response.status,
            `${call.method} ${call.path}: ${response.text.slice(0, 200)}`,
          ).toBeLessThan(500);
          if (route.access !== 'public') {
            if (caller.person === null) expect(response.status).toBe(401);
            else if (!allowed(route, caller)) expect(response.status).toBe(403);
          }
          if (response.status >= 400 && call.stream !== true) {
            expect(typeof (response.json as { message?: unknown }).message).toBe('string');
          }
          for (const w of fx.written) {
            if (!mayRead(fx, caller.person, w)) expect(response.text).not.toContain(w.marker);
          }
          // Accepting a used or expired invitation never signs anyone in.
          if (route.path === '/api/invitations/accept') {
            expect(response.status).toBe(410);
            expect(response.headers.get('set-cookie')).toBeNull();
          }
          if (
            route.path === '/api/session' &&
            route.method === 'POST' &&
            callerName === 'removed'
          ) {
            expect(response.status).toBe(401);
          }
        }
        if (route.path === '/api/sessions' && caller.person !== null) {
          // Signing out everywhere ended this caller's main session too; sign it in again for the next routes.
          const again = await caller.client.post('/api/session', caller.credentials);
          expect(again.status).toBe(200);
        }
      });
    }
  }

  it('left the fixture as it was: every refused call changed nothing', async () => {
    const p1Own = fx.written.find((w) => w.authorId === fx.p1.id)!;
    const read = await fx.p1.client.get(`/api/assessments/${p1Own.id}`);
    expect(read.status).toBe(200);
    expect(read.text).toContain(p1Own.marker);
    expect(read.text).not.toContain('INTRUDER');
    const members = await fx.owner.client.get('/api/members');
    expect(members.text).toContain(fx.p1.id);
    const deal = await fx.p1.client.get(`/api/deals/${encodeURIComponent(fx.dealA)}`);
    expect((deal.json as { deal: { revealedAt: string | null } }).deal.revealedAt).toBeNull();
    const draft = fx.written.find((w) => w.authorId === fx.p2.id)!;
    const p2Draft = await fx.p2.client.get(`/api/assessments/${draft.id}`);
    expect((p2Draft.json as { submittedAt: string | null }).submittedAt).toBeNull();
  });
});
