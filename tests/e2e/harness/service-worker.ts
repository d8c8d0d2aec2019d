import type { Page } from 'playwright-core';

/**
 * Waits for what the app needs to work offline, in the browser's own terms: a
 * service worker that finished installing (so precaching is done) and controls
 * this page. Only a build registers one (`npm run dev` does not).
 */
export async function waitUntilOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
