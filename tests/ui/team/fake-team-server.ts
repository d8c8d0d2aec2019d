import type { AuditEntry, TeamRole } from '../../../src/adapters/team-api';
import { toCsv } from '../../../src/core/csv-export';

/**
 * The team server's answers to the calls the team screens make, held in
 * memory: the same status codes, JSON bodies and headers as the routes in
 * src/server/http/routes (messages copied from there), so the screens meet
 * what they will meet in use. Over 300 lines because it is one server: a join
 * must show in the member list and the audit log alike, so the routes share
 * their state in one place.
 */

export interface StoredMember {
  id: string;
  username: string;
  role: TeamRole;
  deal: string | null;
  password: string;
  createdAt: string;
}

interface StoredInvitation {
  role: TeamRole;
  deal: string | null;
  expiresAt: string;
  used: boolean;
}

export interface SeenRequest {
  method: string;
  path: string;
  body: unknown;
}

/** `offline`: nothing answers. `database-down`: the server answers 503, as when PostgreSQL is unreachable. */
export type ServerState = 'up' | 'offline' | 'database-down';

const USERNAME = /^[\p{L}\p{N}._-]{2,40}$/u;
const UNUSABLE = 'this invitation is unknown, already used or expired; ask an owner for a new one';
const DATABASE_DOWN =
  'the database is unreachable right now; nothing was changed. Try again in a few seconds.';
const SIGN_IN_LIMIT = 10;
const WINDOW_SECONDS = 900;
const DAY = 24 * 60 * 60 * 1000;

export class FakeTeamServer {
  state: ServerState = 'up';
  readonly requests: SeenRequest[] = [];
  members: StoredMember[] = [];
  readonly invitations = new Map<string, StoredInvitation>();
  readonly audit: AuditEntry[] = [];
  /** Whose session the browser's cookie holds. */
  signedIn: string | null = null;
  private attempts = new Map<string, number>();
  private nextId = 1;
  /** An answer the real server gives only in a race (another owner acting meanwhile), forced by a test. */
  raceAnswer: ((method: string, path: string) => Response | undefined) | null = null;
  /** Set to hold every answer until the test lets it go. */
  private held: Promise<void> | null = null;

  addMember(
    username: string,
    role: TeamRole,
    deal: string | null = null,
    password = 'correct horse battery',
  ) {
    const member: StoredMember = {
      id: `00000000-0000-4000-8000-${String(this.nextId++).padStart(12, '0')}`,
      username,
      role,
      deal,
      password,
      createdAt: new Date(Date.UTC(2026, 10, this.nextId, 9, 30)).toISOString(),
    };
    this.members.push(member);
    return member;
  }

  addInvitation(
    token: string,
    role: TeamRole,
    deal: string | null,
    expiresAt: string,
    used = false,
  ) {
    this.invitations.set(token, { role, deal, expiresAt, used });
  }

  log(
    actor: StoredMember | null,
    action: string,
    targetType: string,
    targetId: string,
    deal: string | null,
    detail: string,
  ) {
    this.audit.push({
      id: this.audit.length + 1,
      at: new Date(Date.UTC(2026, 10, 20, 8, this.audit.length)).toISOString(),
      actorId: actor?.id ?? null,
      actor: actor?.username ?? 'command line',
      action,
      targetType,
      targetId,
      deal,
      detail,
    });
  }

  /** Answers wait until the returned function is called: for what a screen shows meanwhile. */
  hold(): () => void {
    let release = () => {};
    this.held = new Promise((resolve) => {
      release = () => {
        this.held = null;
        resolve();
      };
    });
    return release;
  }

  readonly fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const url = new URL(input, 'http://localhost');
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    this.requests.push({ method, path: url.pathname + url.search, body });
    if (this.held !== null) await this.held;
    if (this.state === 'offline') throw new TypeError('Failed to fetch');
    const forced = this.raceAnswer?.(method, url.pathname);
    if (forced !== undefined) return forced;
    if (this.state === 'database-down')
      return json(503, { message: DATABASE_DOWN }, { 'retry-after': '5' });
    return this.route(method, url, (body ?? {}) as Record<string, unknown>);
  };

  private route(method: string, url: URL, body: Record<string, unknown>): Response {
    const path = url.pathname;
    if (method === 'POST' && path === '/api/session') return this.signIn(body);
    if (method === 'POST' && path === '/api/invitations/inspect') return this.inspect(body);
    if (method === 'POST' && path === '/api/invitations/accept') return this.accept(body);
    const caller = this.members.find((m) => m.id === this.signedIn);
    if (caller === undefined) return json(401, { message: 'sign in first' });
    if (method === 'DELETE' && path === '/api/sessions') {
      this.signedIn = null;
      return new Response(null, { status: 204 });
    }
    if (caller.role !== 'owner') return json(403, { message: 'only owner members may do this' });
    if (method === 'POST' && path === '/api/invitations') return this.invite(caller, body);
    if (method === 'GET' && path === '/api/members') {
      return json(200, { members: this.members.map(({ password: _, ...listed }) => listed) });
    }
    const removal = /^\/api\/members\/([^/]+)$/.exec(path);
    if (method === 'DELETE' && removal !== null)
      return this.remove(caller, decodeURIComponent(removal[1]!));
    if (method === 'GET' && path === '/api/audit') {
      const limit = Number(url.searchParams.get('limit') ?? 100);
      return json(200, { entries: [...this.audit].reverse().slice(0, limit) });
    }
    if (method === 'GET' && path === '/api/audit.csv') {
      this.log(caller, 'exported', 'audit-log', 'audit.csv', null, '');
      const columns = [
        'id',
        'at',
        'actor',
        'actor_id',
        'action',
        'target_type',
        'target_id',
        'deal',
        'detail',
      ];
      const rows = [...this.audit]
        .reverse()
        .map((e) => [
          e.id,
          e.at,
          e.actor,
          e.actorId,
          e.action,
          e.targetType,
          e.targetId,
          e.deal,
          e.detail,
        ]);
      return new Response(toCsv(columns, rows), {
        status: 200,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      });
    }
    return json(404, { message: 'route not found' });
  }

  private signIn(body: Record<string, unknown>): Response {
    const username = String(body.username ?? '');
    const bucket = username.toLowerCase();
    const tries = (this.attempts.get(bucket) ?? 0) + 1;
    this.attempts.set(bucket, tries);
    if (tries > SIGN_IN_LIMIT) {
      return json(
        429,
        { message: 'too many sign-in attempts; wait a few minutes and try again' },
        { 'retry-after': String(WINDOW_SECONDS) },
      );
    }
    const found = this.members.find((m) => m.username.toLowerCase() === bucket);
    if (found === undefined || found.password !== body.password) {
      return json(401, { message: 'wrong username or password' });
    }
    this.attempts.delete(bucket);
    this.signedIn = found.id;
    return json(200, me(found));
  }

  private inspect(body: Record<string, unknown>): Response {
    const token = String(body.token ?? '');
    if (token.length < 20) return invalidBody('token', 'list.tooShort');
    const invitation = this.usable(token);
    if (invitation === null) return json(410, { message: UNUSABLE });
    return json(200, {
      role: invitation.role,
      deal: invitation.deal,
      expiresAt: invitation.expiresAt,
    });
  }

  private accept(body: Record<string, unknown>): Response {
    const token = String(body.token ?? '');
    const username = String(body.username ?? '');
    const password = String(body.password ?? '');
    if (!USERNAME.test(username)) return invalidBody('username', 'value.invalid');
    if ([...password].length < 10) return invalidBody('password', 'list.tooShort');
    const invitation = this.usable(token);
    if (invitation === null) return json(410, { message: UNUSABLE });
    if (this.members.some((m) => m.username.toLowerCase() === username.toLowerCase())) {
      return json(409, { message: `the username "${username}" is taken; choose another` });
    }
    invitation.used = true;
    const member = this.addMember(username, invitation.role, invitation.deal, password);
    this.log(member, 'joined', 'member', member.id, member.deal, `${username} as ${member.role}`);
    this.signedIn = member.id;
    return json(201, me(member));
  }

  private invite(caller: StoredMember, body: Record<string, unknown>): Response {
    const role = body.role as TeamRole;
    const deal = typeof body.deal === 'string' ? body.deal.trim() : undefined;
    if ((role === 'founder') !== (deal !== undefined) || deal === '') {
      return json(400, {
        message:
          'invalid request body: deal: a founder invitation needs a deal key, and only a founder invitation takes one',
        problems: [{ path: 'deal', code: 'value.invalid', params: {} }],
      });
    }
    const token = `token-${String(this.invitations.size + 1).padStart(20, '0')}`;
    const expiresAt = new Date(Date.now() + 7 * DAY).toISOString();
    this.addInvitation(token, role, deal ?? null, expiresAt);
    this.log(
      caller,
      'invited',
      'invitation',
      token.slice(0, 16),
      deal ?? null,
      `${role}, expires ${expiresAt}`,
    );
    return json(201, {
      link: `http://localhost:8080/#invite=${token}`,
      role,
      deal: deal ?? null,
      expiresAt,
    });
  }

  private remove(caller: StoredMember, id: string): Response {
    const target = this.members.find((m) => m.id === id);
    if (target === undefined) return json(404, { message: 'member not found' });
    if (target.role === 'owner' && this.members.filter((m) => m.role === 'owner').length <= 1) {
      return json(409, { message: 'the last owner cannot be removed; invite another owner first' });
    }
    this.members = this.members.filter((m) => m.id !== id);
    this.log(caller, 'removed', 'member', id, null, target.username);
    return new Response(null, { status: 204 });
  }

  private usable(token: string): StoredInvitation | null {
    const invitation = this.invitations.get(token);
    if (invitation === undefined || invitation.used) return null;
    return Date.parse(invitation.expiresAt) > Date.now() ? invitation : null;
  }
}

const me = (m: StoredMember) => ({ id: m.id, username: m.username, role: m.role, deal: m.deal });

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** What the server's schema check answers: a message, and each problem as a code at a path. */
function invalidBody(path: string, code: string): Response {
  return json(400, {
    message: `invalid request body: ${path}: invalid`,
    problems: [{ path, code, params: {} }],
  });
}
