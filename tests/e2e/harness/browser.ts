/**
 * Debian's Chromium through playwright-core: one browser per test file (worker),
 * a fresh context (fresh storage, cookies, cache) for every `newPage()`.
 *
 * Call `afterAll(closeAll)` in every e2e file.
 */
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Upper bounds, not delays: a step ends as soon as what it waits for is there.
 * CI runs several browsers and the unit tests at once on two cores, where a
 * lazily loaded screen can take seconds, so the bounds are generous and still
 * below the test's own timeout, which reports a clearer failure.
 */
const ACTION_TIMEOUT_MS = 30_000;
const NAVIGATION_TIMEOUT_MS = 45_000;

/** The app's base URL, with a trailing slash (from the e2e global setup in ./server.ts). */
export function baseUrl(): string {
  const url = inject('e2eBaseUrl');
  if (typeof url !== 'string' || url === '') {
    throw new Error(
      'e2e: no base URL: run e2e files through the "e2e" Vitest project (npx vitest run tests/e2e)',
    );
  }
  return url;
}

/** The app's origin, e.g. `http://127.0.0.1:41234`. */
export function appOrigin(): string {
  return new URL(baseUrl()).origin;
}

let browserPromise: Promise<Browser> | undefined;
const contexts = new Set<BrowserContext>();

/**
 * Starts Chromium once per worker and returns it. `browserType.launch` gives it a
 * fresh temporary profile (user-data dir) of its own and deletes it on close.
 */
export function launchBrowser(): Promise<Browser> {
  browserPromise ??= chromium
    .launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
    })
    .catch((error: unknown) => {
      browserPromise = undefined;
      throw error;
    });
  return browserPromise;
}

export interface PageOptions {
  locale?: 'en-US' | 'zh-CN';
  /** Viewport width in CSS px; default 1280. */
  width?: number;
  /** Viewport height in CSS px; default 800. */
  height?: number;
  /** Anything else for Playwright's `browser.newContext` (e.g. `acceptDownloads`, `timezoneId`). */
  contextOptions?: BrowserContextOptions;
}

/** A fresh, isolated browser context (own storage), with `baseURL` set so `page.goto('/')` works. */
export async function newContext(options: PageOptions = {}): Promise<BrowserContext> {
  const browser = await launchBrowser();
  const locale = options.locale ?? 'en-US';
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    acceptDownloads: true,
    ...options.contextOptions,
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  contexts.add(context);
  context.on('close', () => contexts.delete(context));
  return context;
}

/** A page in a new context: nothing stored from earlier pages. Not navigated yet. */
export async function newPage(options: PageOptions = {}): Promise<Page> {
  const context = await newContext(options);
  return context.newPage();
}

/**
 * Another tab in the same context as `page`: shares localStorage, IndexedDB and
 * cookies with it (for reload and two-tab tests).
 */
export function newPageInSameContext(page: Page): Promise<Page> {
  return page.context().newPage();
}

/** Closes every context this worker opened, and the browser. */
export async function closeAll(): Promise<void> {
  await Promise.allSettled([...contexts].map((context) => context.close()));
  contexts.clear();
  const pending = browserPromise;
  browserPromise = undefined;
  if (pending !== undefined) {
    const browser = await pending.catch(() => undefined);
    await browser?.close();
  }
}
