import { randomBytes } from 'node:crypto';
import type { Route } from '../../../src/server/http/route';
import { ApiClient } from './api-client';
import type { DatabaseTarget, TestDatabase } from './test-databases';
import { startServer, type RunningServer } from './test-server';
import { assessmentOf, inviteToken, join, PASSWORD, saveNew, type Person } from './team';

/** The team the access matrix runs against: two deals, drafts and submissions, and callers of every kind. */

export type CallerName =
  | 'anonymous'
  | 'owner'
  | 'partnerSubmitted'
  | 'partnerBlind'
  | 'founderOther'
  | 'removed'
  | 'signedOut';
export const CALLERS: CallerName[] = [
  'anonymous',
  'owner',
  'partnerSubmitted',
  'partnerBlind',
  'founderOther',
  'removed',
  'signedOut',
];

export interface Written {
  id: string;
  authorId: string;
  deal: string;
  submitted: boolean;
  marker: string;
}

export interface Fixture {
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

export interface Caller {
  name: CallerName;
  client: ApiClient;
  /** Who the session belongs to while it is valid; null for anonymous, removed and signed-out. */
  person: Person | null;
  credentials: { username: string; password: string } | null;
}

const mark = (who: string) => `MARK-${who}-${randomBytes(4).toString('hex')}`;

let counter = 0;
export const unique = (prefix: string) =>
  `${prefix}-${++counter}-${randomBytes(3).toString('hex')}`;

export const allowed = (route: Route, caller: Caller) =>
  caller.person !== null &&
  (typeof route.access === 'string' || route.access.includes(caller.person.role));

export async function buildFixture(
  target: DatabaseTarget,
): Promise<{ fx: Fixture; callers: Map<CallerName, Caller> }> {
  const callers = new Map<CallerName, Caller>();
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

  const fx: Fixture = {
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
  return { fx, callers };
}
