/**
 * axe-core accessibility checks against WCAG 2.2 AA.
 *
 * axe is injected with `page.evaluate(source)`: that goes through the DevTools
 * protocol (Runtime.evaluate), which the page's `script-src 'self'` does not
 * govern, so it works under the app's CSP without `bypassCSP` and without a
 * CSP violation (a `<script>` tag would be refused).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Axe from 'axe-core';
import type { Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** How many target selectors (and failure summaries) to list per violation. */
const MAX_NODES = 3;

export interface AxeOptions {
  /** CSS selectors to check (default: the whole document). */
  include?: string[];
  /** CSS selectors to leave out. */
  exclude?: string[];
  /** Rule ids to skip; say why where you call it. */
  disableRules?: string[];
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: { target: string; failureSummary: string }[];
}

let axeSource: string | undefined;

function source(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

interface RunRequest {
  include: string[] | null;
  exclude: string[];
  tags: string[];
  disableRules: string[];
}

/** Runs axe in the page's main frame and returns its violations. */
export async function runAxe(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(source());

  const request: RunRequest = {
    include: options.include ?? null,
    exclude: options.exclude ?? [],
    tags: AXE_TAGS,
    disableRules: options.disableRules ?? [],
  };
  return page.evaluate(async ({ include, exclude, tags, disableRules }: RunRequest) => {
    const axe = (window as unknown as { axe: typeof Axe }).axe;
    const context: Axe.ElementContext = include === null ? { exclude } : { include, exclude };
    const results = await axe.run(context, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
      rules: Object.fromEntries(disableRules.map((id) => [id, { enabled: false }])),
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target
          .map((part) => (typeof part === 'string' ? part : part.join(' >>> ')))
          .join(' → '),
        failureSummary: node.failureSummary ?? '',
      })),
    }));
  }, request);
}

/** Readable report: id, impact, help, then the first few targets with their failure summaries. */
export function formatAxeViolations(context: string, violations: AxeViolation[]): string {
  const lines = [`${context}: ${violations.length} axe violation(s) (${AXE_TAGS.join(', ')}):`];
  for (const violation of violations) {
    lines.push(`- ${violation.id} (${violation.impact}): ${violation.help} <${violation.helpUrl}>`);
    for (const node of violation.nodes.slice(0, MAX_NODES)) {
      lines.push(`    ${node.target}`);
      for (const summary of node.failureSummary.split('\n')) {
        if (summary.trim() !== '') lines.push(`      ${summary.trim()}`);
      }
    }
    if (violation.nodes.length > MAX_NODES) {
      lines.push(`    … and ${violation.nodes.length - MAX_NODES} more element(s)`);
    }
  }
  return lines.join('\n');
}

/** Throws, prefixed by `context` (e.g. "results, zh-CN, 375 px"), if axe finds any violation. */
export async function expectNoAxeViolations(
  page: Page,
  context: string,
  options: AxeOptions = {},
): Promise<void> {
  const violations = await runAxe(page, options);
  if (violations.length > 0) throw new Error(formatAxeViolations(context, violations));
}
