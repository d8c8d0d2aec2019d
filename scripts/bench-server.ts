/**
 * Load benchmark of the team server (a script, not a test): 50 simulated
 * raters on 1,000 deals against a server on 127.0.0.1, bounded by a request
 * count and a time limit, on embedded PGlite and, when a URL is given, on
 * PostgreSQL (in a throw-away schema, dropped afterwards).
 *
 *   npm run bench:server
 *   npm run bench:server -- --database-url postgres://user:pw@127.0.0.1:5432/db
 *   options: --requests 4000 --seconds 60 --raters 50 --deals 1000
 *
 * Load generator and server share this process and the machine's cores, so
 * the figures are a floor for a server on a machine of its own.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { parseAssessment } from '../src/core/assessment-file';
import type { Assessment } from '../src/core/schema';
import { createInvitation } from '../src/server/auth/invitations';
import { createServer } from '../src/server/create-server';
import type { Database } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { openDatabase } from '../src/server/db/open-database';
import { openPostgresDatabase } from '../src/server/db/postgres-database';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    requests: { type: 'string', default: '4000' },
    seconds: { type: 'string', default: '60' },
    raters: { type: 'string', default: '50' },
    deals: { type: 'string', default: '1000' },
  },
});
const LIMITS = {
  requests: Number(values.requests),
  seconds: Number(values.seconds),
  raters: Number(values.raters),
  deals: Number(values.deals),
};
const PASSWORD = 'benchmark password';
const example = (() => {
  const parsed = parseAssessment(
    readFileSync(new URL('../examples/deeplake-ai.json', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error('examples/deeplake-ai.json is invalid');
  return parsed.value;
})();

type Op = 'write' | 'submit' | 'read-deal' | 'list-deals';
interface Sample {
  op: Op;
  ms: number;
  ok: boolean;
}
interface Own {
  id: string;
  revision: number;
  submitted: boolean;
}

async function setUp(
  db: Database,
): Promise<{ url: string; close: () => Promise<void>; cookies: string[] }> {
  await db.query(
    `insert into deals (key, name) select 'deal-' || g, 'Company ' || g from generate_series(1, $1::int) g
     on conflict do nothing`,
    [LIMITS.deals],
  );
  const server = await createServer({
    db,
    publicUrl: 'http://127.0.0.1',
    trustProxy: false,
    staticDir: null,
  });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  const cookies: string[] = [];
  for (let i = 0; i < LIMITS.raters; i += 1) {
    const { token } = await createInvitation(db, { role: 'partner', deal: null, createdBy: null });
    const response = await fetch(`${url}/api/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token,
        username: `rater-${i}-${randomBytes(3).toString('hex')}`,
        password: PASSWORD,
      }),
    });
    if (response.status !== 201)
      throw new Error(`rater ${i} could not join: ${await response.text()}`);
    cookies.push(response.headers.get('set-cookie')!.split(';')[0]!);
  }
  return { url, close: () => server.close(), cookies };
}

function assessmentFor(id: string, deal: string, step: number): Assessment {
  const answers = Object.fromEntries(
    Object.entries(example.answers).map(([key, answer]) => [
      key,
      { ...answer, notes: `step ${step}` },
    ]),
  );
  return { ...example, id, deal, evaluator: { name: id, role: 'investor' }, answers };
}

/** One rater: a loop of reads and writes on random deals, until the shared budget runs out. */
async function rater(
  url: string,
  cookie: string,
  budget: { left: number; until: number },
  samples: Sample[],
): Promise<void> {
  const own = new Map<string, Own>();
  let step = 0;
  const timed = async (
    op: Op,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Response | null> => {
    const started = performance.now();
    try {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      await response.arrayBuffer();
      samples.push({ op, ms: performance.now() - started, ok: response.status < 400 });
      return response;
    } catch {
      samples.push({ op, ms: performance.now() - started, ok: false });
      return null;
    }
  };
  while (budget.left > 0 && performance.now() < budget.until) {
    budget.left -= 1;
    step += 1;
    const deal = `deal-${1 + Math.floor(Math.random() * LIMITS.deals)}`;
    const roll = Math.random();
    const mine = own.get(deal);
    if (roll < 0.4 && mine?.submitted !== true) {
      const id = mine?.id ?? randomUUID();
      const response = await timed('write', 'PUT', `/api/assessments/${id}`, {
        writeId: randomUUID(),
        baseRevision: mine?.revision ?? 0,
        assessment: assessmentFor(id, deal, step),
      });
      if (response?.ok)
        own.set(deal, { id, revision: (mine?.revision ?? 0) + 1, submitted: false });
    } else if (roll < 0.5) {
      const draft = [...own.values()].find((o) => !o.submitted);
      if (draft === undefined) {
        await timed('read-deal', 'GET', `/api/deals/${deal}`);
        continue;
      }
      const response = await timed('submit', 'POST', `/api/assessments/${draft.id}/submit`, {
        revision: draft.revision,
      });
      if (response?.ok) draft.submitted = true;
    } else if (roll < 0.9) {
      await timed('read-deal', 'GET', `/api/deals/${deal}`);
    } else {
      await timed('list-deals', 'GET', '/api/deals');
    }
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function report(name: string, samples: readonly Sample[], seconds: number): void {
  const line = (label: string, list: readonly Sample[]) => {
    const ms = list.map((s) => s.ms).sort((a, b) => a - b);
    const errors = list.filter((s) => !s.ok).length;
    console.log(
      `  ${label.padEnd(11)} ${String(list.length).padStart(6)} req  ${(list.length / seconds).toFixed(1).padStart(7)} req/s  p50 ${percentile(ms, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(ms, 95).toFixed(1).padStart(7)} ms  errors ${errors}`,
    );
  };
  console.log(
    `${name}: ${LIMITS.raters} raters, ${LIMITS.deals} deals, ${samples.length} requests in ${seconds.toFixed(1)} s`,
  );
  line('all', samples);
  for (const op of ['write', 'submit', 'read-deal', 'list-deals'] as const)
    line(
      op,
      samples.filter((s) => s.op === op),
    );
}

async function run(name: string, db: Database): Promise<void> {
  const { url, close, cookies } = await setUp(db);
  try {
    const samples: Sample[] = [];
    const started = performance.now();
    const budget = { left: LIMITS.requests, until: started + LIMITS.seconds * 1000 };
    await Promise.all(cookies.map((cookie) => rater(url, cookie, budget, samples)));
    report(name, samples, (performance.now() - started) / 1000);
  } finally {
    await close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'moatscore-bench-'));
  try {
    const db = await openDatabase({ databaseUrl: null, dataDir: dir });
    try {
      await run('PGlite (embedded, on disk)', db);
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = values['database-url'] ?? process.env.MOATSCORE_TEST_DATABASE_URL;
  if (url === undefined) {
    console.log('PostgreSQL: skipped (give --database-url)');
    return;
  }
  const schema = `moatscore_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    const db = openPostgresDatabase({ connectionString: url, schema });
    try {
      await migrate(db);
      await run('PostgreSQL', db);
    } finally {
      await db.close();
    }
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

await main();
