/**
 * Load benchmark of the team server (a script, not a test): simulated raters
 * on 1,000 deals against a server on 127.0.0.1, bounded by a request count
 * and a time limit per run, on embedded PGlite and, when a URL is given, on
 * PostgreSQL (in a throw-away schema, dropped afterwards). Two load models,
 * each on a fresh database (see LoadModel in bench-server-load.ts):
 *
 *   capacity  50 raters each sending the next request as soon as the last is
 *             answered: what the server can take. Latency here is queueing,
 *             about raters / throughput.
 *   paced     the same raters working like people, a request every
 *             raters / rate seconds each on average: how it feels at that load.
 *
 *   npm run bench:server
 *   npm run bench:server -- --database-url postgres://user:pw@127.0.0.1:5432/db
 *   options: --requests 4000 --seconds 60 --raters 50 --deals 1000
 *            --load both|capacity|paced   --rate 50 (requests/s offered, paced)
 *            --database both|pglite|postgres
 *            --load-generator separate|same (a child process, or the server's own)
 *
 * Figures, not assertions: the machine's other work shows in them, so the
 * load average is printed with each run.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createInvitation } from '../src/server/auth/invitations';
import { createServer } from '../src/server/create-server';
import type { Database } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { openDatabase } from '../src/server/db/open-database';
import { openPostgresDatabase } from '../src/server/db/postgres-database';
import { runLoad, type LoadModel, type LoadPlan, type LoadResult } from './bench-server-load';
import { printTable } from './bench-server-report';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    requests: { type: 'string', default: '4000' },
    seconds: { type: 'string', default: '60' },
    raters: { type: 'string', default: '50' },
    deals: { type: 'string', default: '1000' },
    load: { type: 'string', default: 'both' },
    rate: { type: 'string', default: '50' },
    database: { type: 'string', default: 'both' },
    'load-generator': { type: 'string', default: 'separate' },
  },
});

function choice<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`--${name} is one of ${allowed.join(', ')}`);
  return found;
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
}

const SETTINGS = {
  requests: positive('requests', values.requests),
  seconds: positive('seconds', values.seconds),
  raters: positive('raters', values.raters),
  deals: positive('deals', values.deals),
  rate: positive('rate', values.rate),
  load: choice('load', values.load, ['both', 'capacity', 'paced']),
  database: choice('database', values.database, ['both', 'pglite', 'postgres']),
  generator: choice('load-generator', values['load-generator'], ['separate', 'same']),
};
const PASSWORD = 'benchmark password';
const LOAD_SCRIPT = fileURLToPath(new URL('./bench-server-load.ts', import.meta.url));

/** A server on a fresh database with the deals and the raters' sessions, ready for one run. */
async function setUp(
  db: Database,
): Promise<{ url: string; close: () => Promise<void>; cookies: string[] }> {
  await db.query(
    `insert into deals (key, name) select 'deal-' || g, 'Company ' || g from generate_series(1, $1::int) g
     on conflict do nothing`,
    [SETTINGS.deals],
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
  for (let i = 0; i < SETTINGS.raters; i += 1) {
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

/** The load generator in a child process of its own, so its work is not the server's. */
function runLoadInChild(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(LOAD_SCRIPT, [], {
      env: { ...process.env, MOATSCORE_BENCH_LOAD_CHILD: '1' },
    });
    let result: LoadResult | null = null;
    child.once('message', (message) => {
      result = message as LoadResult;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (result !== null) resolve(result);
      else reject(new Error(`the load generator ended (exit code ${code}) without a result`));
    });
    child.send(plan);
  });
}

function describe(model: LoadModel): string {
  if (model.kind === 'capacity')
    return `capacity: ${SETTINGS.raters} raters, each sending its next request as soon as the last is answered`;
  return `paced: ${SETTINGS.raters} raters, one request every ${(model.intervalMs / 1000).toFixed(2)} s each on average (±50 %), ${SETTINGS.rate} requests/s offered`;
}

async function runOne(database: string, model: LoadModel, db: Database): Promise<void> {
  const { url, close, cookies } = await setUp(db);
  try {
    const plan: LoadPlan = {
      url,
      cookies,
      deals: SETTINGS.deals,
      requests: SETTINGS.requests,
      seconds: SETTINGS.seconds,
      model,
    };
    const load1 = loadavg()[0]!;
    const cpu = process.cpuUsage();
    const result =
      SETTINGS.generator === 'separate' ? await runLoadInChild(plan) : await runLoad(plan);
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    console.log(`\n${database}, ${describe(model)}`);
    console.log(
      `  ${result.samples.length} requests in ${result.seconds.toFixed(1)} s; load generator ${SETTINGS.generator === 'separate' ? 'in a separate process' : 'in the server’s process'}; load average ${load1.toFixed(1)} at the start`,
    );
    printTable(result.samples, result.seconds);
    const who =
      SETTINGS.generator === 'separate' ? 'server process' : 'process (server and load generator)';
    console.log(
      `  CPU of the ${who}: ${(cpuMs / Math.max(1, result.samples.length)).toFixed(2)} ms per request, ${((100 * cpuMs) / 1000 / result.seconds).toFixed(0)} % of one core`,
    );
    if (model.kind === 'paced')
      console.log(
        `  ${result.lateStarts} requests went out late (the rater's previous answer came after the next was due)`,
      );
  } finally {
    await close();
  }
}

function models(): LoadModel[] {
  const list: LoadModel[] = [];
  if (SETTINGS.load !== 'paced') list.push({ kind: 'capacity' });
  if (SETTINGS.load !== 'capacity')
    list.push({ kind: 'paced', intervalMs: (1000 * SETTINGS.raters) / SETTINGS.rate });
  return list;
}

async function onPglite(model: LoadModel): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'moatscore-bench-'));
  try {
    const db = await openDatabase({ databaseUrl: null, dataDir: dir });
    try {
      await runOne('PGlite (embedded, on disk)', model, db);
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(url: string, model: LoadModel): Promise<void> {
  const schema = `moatscore_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    const db = openPostgresDatabase({ connectionString: url, schema });
    try {
      await migrate(db);
      const version = await db.query<{ server_version: string }>('show server_version');
      await runOne(`PostgreSQL ${version[0]?.server_version ?? ''}`.trim(), model, db);
    } finally {
      await db.close();
    }
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  if (SETTINGS.database !== 'postgres') for (const model of models()) await onPglite(model);
  if (SETTINGS.database === 'pglite') return;
  const url = values['database-url'] ?? process.env.MOATSCORE_TEST_DATABASE_URL;
  if (url === undefined) {
    console.log('\nPostgreSQL: skipped (give --database-url)');
    return;
  }
  for (const model of models()) await onPostgres(url, model);
}

await main();
