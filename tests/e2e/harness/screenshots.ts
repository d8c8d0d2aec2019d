import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Git-ignored (`test-results` in .gitignore). */
export const SCREENSHOT_DIR = fileURLToPath(
  new URL('../../../test-results/screenshots/', import.meta.url),
);

export interface ScreenshotOptions {
  /** The whole scrollable page (default) or only the viewport. */
  fullPage?: boolean;
}

/**
 * Saves a PNG of `page` as `test-results/screenshots/<name>.png` and returns its path.
 * `name` may use letters, digits, `.`, `_` and `-`; anything else becomes `-`.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: ScreenshotOptions = {},
): Promise<string> {
  const file = `${name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'screenshot'}.png`;
  const path = join(SCREENSHOT_DIR, file);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({
    path,
    fullPage: options.fullPage ?? true,
    animations: 'disabled',
    caret: 'hide',
  });
  return path;
}
