import { randomUUID } from 'node:crypto';
import type { Route } from '../../../src/server/http/route';
import { ApiClient } from './api-client';
import { allowed, unique, type Caller, type Fixture } from './access-fixture';
import { assessmentOf, join, PASSWORD, saveNew } from './team';

/** One request of the access matrix. */
export interface Call {
  method: string;
  path: string;
  body?: unknown;
  client?: ApiClient;
  stream?: boolean;
}

/** A fresh session for a caller who has one, so signing it out leaves the caller's main session alone. */
async function freshSession(fx: Fixture, caller: Caller): Promise<ApiClient> {
  if (caller.person === null || caller.credentials === null) return caller.client;
  const client = new ApiClient(fx.server.url);
  const signedIn = await client.post('/api/session', caller.credentials);
  if (signedIn.status !== 200)
    throw new Error(`sign-in for a fresh session failed: ${signedIn.text}`);
  return client;
}

/** The owner's destructive calls hit throw-away targets, so the fixture survives the matrix. */
async function throwawayDeal(fx: Fixture): Promise<string> {
  const deal = unique('throwaway');
  await saveNew(
    fx.owner.client,
    assessmentOf({ id: unique('throwaway'), deal, marker: 'throwaway' }),
  );
  return deal;
}

/**
 * Per route, the requests a caller makes against someone else's data. Keys
 * are `METHOD path` exactly as in the route table.
 */
export const CASES: Record<string, (fx: Fixture, caller: Caller, route: Route) => Promise<Call[]>> =
  {
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
      const rubric = {
        ...assessmentOf({ id: 'x', deal: 'x', marker: 'x' }).rubric,
        id: fx.rubricId,
      };
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
