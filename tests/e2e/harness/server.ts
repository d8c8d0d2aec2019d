/**
 * Builds the app and serves it with `vite preview`, once per test run.
 *
 * Registered as the global setup of the `e2e` project in vitest.config.ts, so it
 * runs in Vitest's main process only when at least one e2e file is part of the
 * run (`npx vitest run tests/core` never builds). Test files get the URL with
 * `baseUrl()` from ./browser (Vitest's `inject('e2eBaseUrl')`).
 *
 * The build goes to a fresh temporary folder, not `dist/`, so a concurrent
 * `npm run build` (or a second test run) cannot empty the folder being served.
 * `MOATSCORE_E2E_OUT_DIR=dist` builds into a folder of your choice instead, and
 * `MOATSCORE_E2E_BASE_URL=http://localhost:5173/` skips building and serving and
 * tests an app that is already running.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the app under test, with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
    e2eBaseUrl: string;
    /** The folder the app was built into: what a team server serves. */
    e2eOutDir: string;
  }
}

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface AppServer {
  /** With a trailing slash. */
  readonly url: string;
  /** The folder served (the build output). */
  readonly outDir: string;
  /** Builds again into the same folder (with `buildEnv`, if given); the server keeps serving it. */
  rebuild(buildEnv?: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}

/** Variables Vitest sets that must not leak into a production build (NODE_ENV=test gives React's dev build). */
const TEST_ENV_VARIABLES = ['NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'TEST', 'MODE'];

/**
 * Runs `vite build` in a child process, as `npm run build` would; resolves with the time taken in ms.
 * `buildEnv` adds variables, e.g. `MOATSCORE_BUILD_ID` to tell two builds apart.
 */
export async function buildApp(
  outDir: string,
  buildEnv: Record<string, string> = {},
): Promise<number> {
  const started = performance.now();
  const env = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !TEST_ENV_VARIABLES.includes(name)),
    ),
    ...buildEnv,
  };
  const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  await new Promise<void>((done, fail) => {
    execFile(
      process.execPath,
      args,
      { cwd: REPO_ROOT, env, maxBuffer: 64 * 1024 * 1024, timeout: 5 * 60_000 },
      (error, stdout, stderr) => {
        if (error === null) done();
        else
          fail(
            new Error(
              `e2e: vite build failed (${error.message.split('\n')[0]})\n${stdout}\n${stderr}`,
            ),
          );
      },
    );
  });
  return Math.round(performance.now() - started);
}

/**
 * Builds the app into `outDir` (default: a new temporary folder) and serves it with `vite preview` on a free port.
 * A test that rebuilds (to see the app update itself) starts a server of its own this way,
 * so the one every other test shares keeps serving the same build.
 */
export async function startAppServer(
  options: { outDir?: string; buildEnv?: Record<string, string> } = {},
): Promise<AppServer> {
  const temporary = options.outDir === undefined;
  const outDir = temporary
    ? join(await mkdtemp(join(tmpdir(), 'moatscore-e2e-')), 'dist')
    : resolve(REPO_ROOT, options.outDir!);
  const buildMs = await buildApp(outDir, options.buildEnv);

  const started = performance.now();
  const { preview } = await import('vite');
  const server = await preview({
    root: REPO_ROOT,
    logLevel: 'warn',
    build: { outDir },
    // Port 0: the OS picks a free port, so parallel runs never collide.
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) {
    await server.close();
    throw new Error('e2e: vite preview did not report a local URL');
  }
  const response = await fetch(url);
  if (!response.ok) {
    await server.close();
    throw new Error(`e2e: ${url} answered ${response.status}`);
  }
  const previewMs = Math.round(performance.now() - started);
  console.log(`e2e: built the app in ${buildMs} ms, serving ${outDir} at ${url} (${previewMs} ms)`);

  return {
    url,
    outDir,
    rebuild: (buildEnv) => buildApp(outDir, buildEnv),
    async close() {
      await server.close();
      if (temporary) await rm(resolve(outDir, '..'), { recursive: true, force: true });
    },
  };
}

/** Vitest global setup: provides `e2eBaseUrl` and returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.MOATSCORE_E2E_BASE_URL;
  if (external !== undefined && external !== '') {
    project.provide('e2eBaseUrl', new URL(external).href);
    project.provide('e2eOutDir', join(REPO_ROOT, process.env.MOATSCORE_E2E_OUT_DIR || 'dist'));
    return async () => {};
  }
  const outDir = process.env.MOATSCORE_E2E_OUT_DIR;
  const server = await startAppServer(
    outDir === undefined || outDir === ''
      ? {}
      : { outDir: isAbsolute(outDir) ? outDir : join(REPO_ROOT, outDir) },
  );
  project.provide('e2eBaseUrl', server.url);
  project.provide('e2eOutDir', server.outDir);
  // In watch mode, rebuild before a rerun that includes e2e files, so they see the current source.
  project.onTestsRerun(async (specifications) => {
    if (!specifications.some((specification) => specification.project.name === project.name)) {
      return;
    }
    const ms = await server.rebuild();
    console.log(`e2e: rebuilt the app in ${ms} ms`);
  });
  return () => server.close();
}
