import { isProblemCode, type Problem } from '../core/problems';

/**
 * The browser's side of the team server's JSON API (docs/team-mode.md). Every
 * call resolves, never throws: with the value, or with why it failed, in the
 * terms the app acts on (offline, the server unavailable, signed out, a
 * conflict to keep as a copy, invalid input to show).
 */

export type TeamRole = 'owner' | 'partner' | 'founder';

export interface TeamMember {
  id: string;
  username: string;
  role: TeamRole;
  /** A founder guest's deal key; null for owners and partners. */
  deal: string | null;
}

export interface TeamRecord {
  id: string;
  deal: string;
  author: { id: string; username: string };
  revision: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** The assessment file as the server holds it: validated by the caller before use. */
  assessment: unknown;
}

export interface TeamDeal {
  key: string;
  name: string;
  createdAt: string;
  revealedAt: string | null;
  /** Null for founder guests, who are not told how many others rate their company. */
  raters: number | null;
  submitted: number | null;
  /** Whether the caller now sees the others' submitted assessments. */
  othersVisible: boolean;
}

export interface OwnRecordHead {
  id: string;
  deal: string;
  revision: number;
  updatedAt: string;
  submittedAt: string | null;
}

export interface Invitation {
  link: string;
  role: TeamRole;
  deal: string | null;
  expiresAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actor: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  deal: string | null;
  detail: string | null;
}

export type ConflictCode = 'revision-conflict' | 'submitted' | 'missing' | 'id-taken';

export type TeamFailure =
  /** No answer at all: the network is down or the server is not running. */
  | { kind: 'offline' }
  /** The server answered that it cannot work now (its database is unreachable). */
  | { kind: 'unavailable'; message: string; retryAfterSeconds: number | null }
  | { kind: 'signed-out'; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'not-found'; message: string }
  | { kind: 'gone'; message: string }
  | { kind: 'conflict'; code: ConflictCode | 'taken'; message: string; current: TeamRecord | null }
  /** `message` is the server's English; `problems` (the core's, with codes) can be worded in the UI's language. */
  | { kind: 'invalid'; message: string; problems: Problem[] }
  | { kind: 'rate-limited'; message: string; retryAfterSeconds: number | null }
  | { kind: 'server'; status: number; message: string };

export type TeamResult<T> = { ok: true; value: T } | { ok: false; failure: TeamFailure };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

interface ErrorJson {
  message?: unknown;
  code?: unknown;
  current?: unknown;
  problems?: unknown;
}

/** The API, relative to `base` (the page's origin in the app; a server's address in tests). */
export class TeamApi {
  constructor(
    private readonly base = '',
    private readonly send: Fetch = (input, init) => fetch(input, init),
  ) {}

  session = () => this.call<TeamMember>('GET', '/api/session');
  signIn = (username: string, password: string) =>
    this.call<TeamMember>('POST', '/api/session', { username, password });
  signOut = () => this.call<null>('DELETE', '/api/session');
  signOutEverywhere = () => this.call<null>('DELETE', '/api/sessions');

  inspectInvitation = (token: string) =>
    this.call<{ role: TeamRole; deal: string | null; expiresAt: string }>(
      'POST',
      '/api/invitations/inspect',
      { token },
    );
  acceptInvitation = (token: string, username: string, password: string) =>
    this.call<TeamMember>('POST', '/api/invitations/accept', { token, username, password });
  invite = (role: TeamRole, deal?: string) =>
    this.call<Invitation>(
      'POST',
      '/api/invitations',
      deal === undefined ? { role } : { role, deal },
    );

  members = () =>
    this.call<{ members: (TeamMember & { createdAt: string })[] }>('GET', '/api/members');
  removeMember = (id: string) => this.call<null>('DELETE', `/api/members/${enc(id)}`);

  deals = () => this.call<{ deals: TeamDeal[] }>('GET', '/api/deals');
  deal = (key: string) =>
    this.call<{ deal: TeamDeal; assessments: TeamRecord[] }>('GET', `/api/deals/${enc(key)}`);
  revealDeal = (key: string) => this.call<null>('POST', `/api/deals/${enc(key)}/reveal`);

  ownAssessments = () => this.call<{ assessments: OwnRecordHead[] }>('GET', '/api/assessments');
  assessment = (id: string) => this.call<TeamRecord>('GET', `/api/assessments/${enc(id)}`);
  writeAssessment = (
    id: string,
    body: { writeId: string; baseRevision: number; assessment: unknown },
  ) => this.call<TeamRecord>('PUT', `/api/assessments/${enc(id)}`, body);
  deleteAssessment = (id: string) => this.call<null>('DELETE', `/api/assessments/${enc(id)}`);
  submit = (id: string, revision: number) =>
    this.call<TeamRecord>('POST', `/api/assessments/${enc(id)}/submit`, { revision });

  audit = (limit = 100) => this.call<{ entries: AuditEntry[] }>('GET', `/api/audit?limit=${limit}`);
  auditCsv = () => this.call<string>('GET', '/api/audit.csv', undefined, 'text');

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    as: 'json' | 'text' = 'json',
  ): Promise<TeamResult<T>> {
    let response: Response;
    try {
      response = await this.send(`${this.base}${path}`, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers:
          body === undefined
            ? { accept: 'application/json' }
            : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return { ok: false, failure: { kind: 'offline' } };
    }
    if (response.ok) {
      if (response.status === 204) return { ok: true, value: null as T };
      try {
        const value = as === 'text' ? await response.text() : await response.json();
        return { ok: true, value: value as T };
      } catch {
        // The connection dropped mid-answer, or something other than the server answered.
        return { ok: false, failure: { kind: 'offline' } };
      }
    }
    return { ok: false, failure: await failureOf(response) };
  }
}

const enc = encodeURIComponent;

async function failureOf(response: Response): Promise<TeamFailure> {
  let json: ErrorJson = {};
  try {
    json = (await response.json()) as ErrorJson;
  } catch {
    // A proxy's HTML error page, or no body: the status says enough.
  }
  const message = typeof json.message === 'string' ? json.message : response.statusText;
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  switch (response.status) {
    case 401:
      return { kind: 'signed-out', message };
    case 403:
      return { kind: 'forbidden', message };
    case 404:
      return { kind: 'not-found', message };
    case 410:
      return { kind: 'gone', message };
    case 409: {
      const code = typeof json.code === 'string' ? (json.code as ConflictCode) : 'taken';
      const current = isRecord(json.current) ? (json.current as unknown as TeamRecord) : null;
      return { kind: 'conflict', code, message, current };
    }
    case 400:
    case 422: {
      const problems = Array.isArray(json.problems) ? json.problems.flatMap(problemOf) : [];
      return { kind: 'invalid', message, problems };
    }
    case 429:
      return { kind: 'rate-limited', message, retryAfterSeconds };
    case 502:
    case 503:
    case 504:
      return { kind: 'unavailable', message, retryAfterSeconds };
    default:
      return { kind: 'server', status: response.status, message };
  }
}

/** A problem as the server sends it (the core's shape), or nothing when it is not one. */
function problemOf(value: unknown): Problem[] {
  if (!isRecord(value) || typeof value.path !== 'string' || typeof value.code !== 'string')
    return [];
  if (!isProblemCode(value.code)) return [];
  const params = isRecord(value.params)
    ? Object.fromEntries(
        Object.entries(value.params).filter(
          (entry): entry is [string, string | number] =>
            typeof entry[1] === 'string' || typeof entry[1] === 'number',
        ),
      )
    : {};
  return [{ path: value.path, code: value.code, params }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
