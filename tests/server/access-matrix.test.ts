import { ROUTES } from '../../src/server/http/route-table';
import { type ApiResponse } from './harness/api-client';
import { CASES, type Call } from './harness/access-cases';
import {
  allowed,
  buildFixture,
  CALLERS,
  type Caller,
  type CallerName,
  type Fixture,
  type Written,
} from './harness/access-fixture';
import { EventStreamReader } from './harness/read-stream';
import { DATABASE_TARGETS } from './harness/test-databases';
import type { Person } from './harness/team';

/**
 * Every route × every kind of caller, aimed at someone else's data. The
 * routes come from the server's own table, and the test refuses to run
 * when a route has no case, so a new route cannot be forgotten.
 */

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
  let callers = new Map<CallerName, Caller>();

  beforeAll(async () => {
    ({ fx, callers } = await buildFixture(target));
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
