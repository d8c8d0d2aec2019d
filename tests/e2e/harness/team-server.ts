/**
 * The team server as a fund runs it (`npm run server`), in a child process,
 * serving the app the e2e setup built. A test can stop and start it again on
 * the same port and data, and invite the first owner with the command line.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { REPO_ROOT } from './server';

export interface TeamServerOptions {
  /** A PostgreSQL URL; without it, embedded PGlite in a fresh temporary folder. */
  databaseUrl?: string;
}

export interface TeamServer {
  /** With no trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Runs `npm run server -- invite …` and returns the link it prints (the server must be stopped). */
  invite(role: 'owner' | 'partner' | 'founder', deal?: string): Promise<string>;
  start(): Promise<void>;
  /** Stops the process (SIGTERM), as an operator restarting it would. */
  stop(): Promise<void>;
  /** Stops it and removes its data. */
  dispose(): Promise<void>;
}

const TSX_ENTRY = ['--import', 'tsx', join(REPO_ROOT, 'src', 'server', 'main.ts')];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export async function createTeamServer(options: TeamServerOptions = {}): Promise<TeamServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'moatscore-team-e2e-'));
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    MOATSCORE_DATA_DIR: dataDir,
    MOATSCORE_STATIC_DIR: inject('e2eOutDir'),
    DATABASE_URL: options.databaseUrl ?? '',
  };
  let child: ChildProcess | null = null;
  let output = '';

  const start = async () => {
    output = '';
    const started = spawn(process.execPath, TSX_ENTRY, { cwd: REPO_ROOT, env, stdio: 'pipe' });
    child = started;
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<never>((_, reject) =>
      started.once('exit', (code) =>
        reject(new Error(`team server exited (${code}) before answering:\n${output}`)),
      ),
    );
    // Up when it answers, as a person's browser would find it; bounded by the test's timeout.
    const answering = (async () => {
      for (;;) {
        try {
          const response = await fetch(`${url}/api/health`);
          if (response.ok) return;
        } catch {
          // Not listening yet.
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await Promise.race([answering, exited]);
  };

  const stop = async () => {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };

  return {
    url,
    start,
    stop,
    invite: (role, deal) =>
      new Promise((resolve, reject) => {
        const args = [
          ...TSX_ENTRY,
          'invite',
          '--role',
          role,
          ...(deal === undefined ? [] : ['--deal', deal]),
        ];
        execFile(process.execPath, args, { cwd: REPO_ROOT, env }, (error, stdout, stderr) => {
          const link = /https?:\/\/\S+#invite=\S+/.exec(stdout)?.[0];
          if (error !== null || link === undefined) {
            reject(new Error(`invite failed: ${error?.message ?? ''}\n${stdout}\n${stderr}`));
          } else resolve(link);
        });
      }),
    dispose: async () => {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
