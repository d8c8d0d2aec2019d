/**
 * Watches a page for what the app promises never to do: talk to another origin,
 * break its Content-Security-Policy, or throw.
 *
 *   const page = await newPage();
 *   const guard = await watchPage(page);   // before page.goto
 *   await page.goto('/');
 *   ...
 *   await guard.expectClean();
 */
import type { Page } from 'playwright-core';
import { appOrigin } from './browser';

export interface CspViolation {
  /** e.g. `script-src-elem`, `connect-src`. */
  directive: string;
  /** `inline`, `eval` or a URL. */
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  sample: string;
  disposition: string;
  documentURI: string;
}

export interface GuardOptions {
  /** The origin requests may go to; default: the app's (from `baseUrl()`). */
  origin?: string;
}

export interface CleanOptions {
  /** Messages to tolerate: a problem whose line matches any of these is not reported. */
  ignore?: RegExp[];
}

export interface PageGuard {
  /** Requests to another origin (`METHOD url`); data:, blob: and about: are not counted. */
  readonly foreignRequests: string[];
  /** `securitypolicyviolation` events in the page (one per policy: meta tag and header each report). */
  readonly cspViolations: CspViolation[];
  /** Console messages that mention the CSP ("Content Security Policy", "Refused to"). */
  readonly cspConsoleMessages: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  readonly pageErrors: string[];
  /** Other console errors. */
  readonly consoleErrors: string[];
  /** Same-origin requests that failed or answered 4xx/5xx. */
  readonly failedRequests: string[];
  /** Lets events already queued in the page (CSP reports are dispatched asynchronously) arrive. */
  settle(): Promise<void>;
  /** Everything seen, one line each, after `settle()`. */
  problems(options?: CleanOptions): Promise<string[]>;
  /** Throws an error listing everything seen, if anything. */
  expectClean(options?: CleanOptions): Promise<void>;
  /** Forgets everything seen so far (e.g. after provoking a violation on purpose). */
  reset(): void;
}

const BINDING = '__moatscoreE2eCspViolation';
const CSP_TEXT = /Content Security Policy|Refused to/i;
const guards = new WeakMap<Page, PageGuard>();

/**
 * Runs in the page before any of its scripts (Playwright init scripts and
 * bindings go through the DevTools protocol, so the page's CSP does not apply
 * to them), and again in the current document when the page already has one.
 */
function listenForCspViolations(binding: string): void {
  const flag = `${binding}Installed`;
  const target = window as unknown as Record<string, unknown>;
  if (target[flag] === true) return;
  target[flag] = true;
  document.addEventListener('securitypolicyviolation', (event) => {
    const report = target[binding];
    if (typeof report !== 'function') return;
    void report({
      directive: event.effectiveDirective || event.violatedDirective,
      blockedURI: event.blockedURI,
      sourceFile: event.sourceFile,
      lineNumber: event.lineNumber,
      sample: event.sample,
      disposition: event.disposition,
      documentURI: event.documentURI,
    });
  });
}

function isIgnored(url: string): boolean {
  return /^(data|blob|about):/i.test(url);
}

/** Starts watching `page`; call before the first `page.goto`. Calling it again returns the same guard. */
export async function watchPage(page: Page, options: GuardOptions = {}): Promise<PageGuard> {
  const existing = guards.get(page);
  if (existing !== undefined) return existing;

  const origin = new URL(options.origin ?? appOrigin()).origin;
  const foreignRequests: string[] = [];
  const cspViolations: CspViolation[] = [];
  const cspConsoleMessages: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];

  const checkUrl = (what: string, url: string) => {
    if (isIgnored(url)) return;
    let requestOrigin: string;
    try {
      requestOrigin = new URL(url).origin;
    } catch {
      requestOrigin = url;
    }
    if (requestOrigin !== origin) foreignRequests.push(`${what} ${url}`);
  };

  page.on('request', (request) => checkUrl(request.method(), request.url()));
  page.on('websocket', (socket) => checkUrl('WEBSOCKET', socket.url()));
  page.on('requestfailed', (request) => {
    const url = request.url();
    if (isIgnored(url) || new URL(url).origin !== origin) return;
    const failure = request.failure()?.errorText ?? 'failed';
    // Navigating away or closing the page aborts what is still loading: not the app's fault.
    if (failure === 'net::ERR_ABORTED') return;
    failedRequests.push(`${request.method()} ${url}: ${failure}`);
  });
  page.on('response', (response) => {
    const url = response.url();
    if (response.status() >= 400 && !isIgnored(url) && new URL(url).origin === origin) {
      failedRequests.push(`${response.request().method()} ${url}: HTTP ${response.status()}`);
    }
  });
  page.on('pageerror', (error) => {
    pageErrors.push(error.stack ?? `${error.name}: ${error.message}`);
  });
  page.on('crash', () => pageErrors.push('the page crashed'));
  page.on('console', (message) => {
    const text = message.text();
    const where = message.location().url;
    const line = where === '' ? text : `${text} (${where})`;
    if (CSP_TEXT.test(text)) cspConsoleMessages.push(`${message.type()}: ${line}`);
    else if (message.type() === 'error') consoleErrors.push(line);
  });

  await page.exposeBinding(BINDING, (_source, violation: CspViolation) => {
    cspViolations.push(violation);
  });
  await page.addInitScript(listenForCspViolations, BINDING);
  if (page.url() !== 'about:blank') await page.evaluate(listenForCspViolations, BINDING);

  const settle = async () => {
    if (page.isClosed()) return;
    try {
      // Two macrotask turns in the page: violation events are queued as tasks, then
      // their binding calls reach us before this evaluate's answer does.
      await page.evaluate(
        () => new Promise<void>((done) => setTimeout(() => setTimeout(done, 0), 0)),
      );
    } catch {
      // Page closed or navigating: nothing more to wait for.
    }
  };

  const problems = async ({ ignore = [] }: CleanOptions = {}) => {
    await settle();
    const keep = (line: string) => !ignore.some((pattern) => pattern.test(line));
    const counted = (lines: string[]) => {
      const counts = new Map<string, number>();
      for (const line of lines.filter(keep)) counts.set(line, (counts.get(line) ?? 0) + 1);
      return [...counts].map(([line, n]) => (n === 1 ? line : `${line} (×${n})`));
    };
    const describe = (v: CspViolation) =>
      `${v.disposition} ${v.directive} blocked ${v.blockedURI || '(unknown)'}` +
      (v.sourceFile === '' ? '' : ` at ${v.sourceFile}:${v.lineNumber}`) +
      (v.sample === '' ? '' : ` sample ${JSON.stringify(v.sample)}`);
    const sections: [string, string[]][] = [
      ['request to another origin', counted(foreignRequests)],
      ['CSP violation', counted(cspViolations.map(describe))],
      ['CSP console message', counted(cspConsoleMessages)],
      ['page error', counted(pageErrors)],
      ['console error', counted(consoleErrors)],
      ['failed request', counted(failedRequests)],
    ];
    return sections.flatMap(([kind, lines]) => lines.map((line) => `${kind}: ${line}`));
  };

  const guard: PageGuard = {
    foreignRequests,
    cspViolations,
    cspConsoleMessages,
    pageErrors,
    consoleErrors,
    failedRequests,
    settle,
    problems,
    async expectClean(cleanOptions) {
      const seen = await problems(cleanOptions);
      if (seen.length > 0) {
        throw new Error(
          `the page (${page.isClosed() ? 'closed' : page.url()}) was not clean, ${seen.length} problem(s):\n` +
            seen.map((line) => `  - ${line}`).join('\n'),
        );
      }
    },
    reset() {
      for (const list of [
        foreignRequests,
        cspViolations,
        cspConsoleMessages,
        pageErrors,
        consoleErrors,
        failedRequests,
      ]) {
        list.length = 0;
      }
    },
  };
  guards.set(page, guard);
  return guard;
}
