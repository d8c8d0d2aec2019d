/**
 * Offline and installable: after one visit online the app works with the
 * network off (the service worker serves every screen from its precache, the
 * PDF its fonts from the Cache Storage once they were fetched), the manifest
 * makes it installable, and a new version waits for the user's word.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfText, qpdfCheck, squeeze } from '../report/pdf-tools';
import {
  closeAll,
  expectNoAxeViolations,
  newPage,
  newPageInSameContext,
  screenshot,
  waitUntilOfflineReady,
  watchPage,
  openScreen,
  downloadPdf,
} from './harness';
import { startAppServer, type AppServer } from './harness/server';
import { startByKeyboard } from './wizard-flow';

afterAll(closeAll);

describe('offline', () => {
  it('reloads and works with the network off after one online visit', async () => {
    const page = await newPage();
    const guard = await watchPage(page);
    // Requests the service worker makes itself (precaching), apart from the page's own.
    const workerRequests: string[] = [];
    page.context().on('request', (request: Request) => {
      if (request.serviceWorker() !== null) workerRequests.push(new URL(request.url()).pathname);
    });

    await page.goto('/');
    await page.getByRole('button', { name: 'Open the example' }).waitFor();
    await waitUntilOfflineReady(page);
    // Every screen's code is precached, the report's included; the fonts (2+ MB) are not.
    expect(workerRequests.some((path) => /\/assets\/create-report-[\w-]+\.js$/.test(path))).toBe(
      true,
    );
    expect(workerRequests.some((path) => /\/assets\/deals-screen-[\w-]+\.js$/.test(path))).toBe(
      true,
    );
    expect(workerRequests.filter((path) => path.startsWith('/fonts/'))).toEqual([]);

    // Online once: a PDF, which fetches the report fonts and keeps them.
    await page.getByRole('button', { name: 'Open the example' }).click();
    await page.locator('.radar canvas').first().waitFor();
    expect(qpdfCheck((await downloadPdf(page)).path).ok).toBe(true);
    await page.getByRole('button', { name: 'New assessment', exact: true }).click();
    await page.getByRole('button', { name: 'Open the example' }).waitFor();
    await guard.expectClean();

    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Open the example' }).waitFor();
    // The network really is off, for the page and its worker alike: what is not precached fails.
    expect(
      await page.evaluate(() =>
        fetch('fonts/OFL.txt').then(
          () => 'fetched',
          () => 'failed',
        ),
      ),
    ).toBe('failed');
    guard.reset();

    await page.getByRole('button', { name: 'Open the example' }).click();
    await page.locator('.radar canvas').first().waitFor();
    await page.getByTestId('overall-score').waitFor();
    const offlinePdf = (await downloadPdf(page)).path;
    expect(qpdfCheck(offlinePdf).ok).toBe(true);
    expect(squeeze(pdfText(offlinePdf))).toContain(squeeze('DeepLake AI 深湖智能'));
    await screenshot(page, 'offline-results');

    await openScreen(page, 'Library');
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(1);
    await openScreen(page, 'Deals');
    await expect.poll(() => page.getByTestId('pipeline-row').count()).toBe(1);
    await openScreen(page, 'Rubrics');
    await page.getByRole('heading', { level: 1, name: 'Rubrics' }).waitFor();
    await page.getByRole('button', { name: 'New assessment', exact: true }).click();
    await startByKeyboard(page, 'Offline Co', 'Ann');
    expect(await page.locator('#step-position').innerText()).toBe('Market prospects · 1 of 6');
    await screenshot(page, 'offline-wizard-step');
    await guard.expectClean();
  });

  it('serves a manifest that parses, with icons it lists reachable, and Chromium finds the app installable', async () => {
    const page = await newPage();
    const guard = await watchPage(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Open the example' }).waitFor();
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    expect(href).not.toBeNull();
    const manifestUrl = new URL(href!, page.url());
    const response = await page.request.get(manifestUrl.href);
    expect(response.status()).toBe(200);
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      scope: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Moatscore',
      short_name: 'Moatscore',
      display: 'standalone',
      theme_color: '#1d4e89',
      background_color: '#f4f6f8',
    });
    // Relative, so the app installs the same under a sub-path.
    expect(manifest.start_url).not.toMatch(/^\//);
    expect(manifest.scope).not.toMatch(/^\//);
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of manifest.icons) {
      const png = await page.request.get(new URL(icon.src, manifestUrl).href);
      expect(png.status()).toBe(200);
      expect(png.headers()['content-type']).toBe('image/png');
      const bytes = await png.body();
      // The PNG's own width and height (IHDR) are what the manifest says.
      const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
      expect(`${width}x${height}`).toBe(icon.sizes);
    }

    await waitUntilOfflineReady(page);
    // Chromium's own verdict: how it read the manifest, and why it would not install the app.
    const devtools = await page.context().newCDPSession(page);
    const { errors } = await devtools.send('Page.getAppManifest', {});
    expect(errors).toEqual([]);
    const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
    // Test contexts are off the record, where Chromium installs nothing; any other reason is ours.
    expect(
      installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito'),
    ).toEqual([]);
    await guard.expectClean();
  });
});

/** The build a page runs, from the stamp `MOATSCORE_BUILD_ID` put in index.html. */
function buildOf(page: Page): Promise<string | null> {
  return page.locator('meta[name=moatscore-build]').getAttribute('content');
}

const updateButton = (page: Page) => page.getByRole('button', { name: 'Reload to update' });

describe('a new version', () => {
  // A server of its own: rebuilding the one the other tests share would change their app.
  let server: AppServer | undefined;
  afterAll(() => server?.close());

  /** A page on build `one` of a fresh server, controlled by its worker; then the server builds `two`. */
  async function visitThenRebuild() {
    await server?.close();
    server = await startAppServer({ buildEnv: { MOATSCORE_BUILD_ID: 'one' } });
    const page = await newPage({ contextOptions: { baseURL: server.url } });
    const guard = await watchPage(page, { origin: server.url });
    await page.goto('/');
    await page.getByRole('button', { name: 'Open the example' }).waitFor();
    await waitUntilOfflineReady(page);
    expect(await buildOf(page)).toBe('one');
    expect(await updateButton(page).count()).toBe(0);
    await server.rebuild({ MOATSCORE_BUILD_ID: 'two' });
    return { page, guard };
  }

  it('is announced on the start screen, hidden during a wizard step, and loaded on the click', async () => {
    const { page, guard } = await visitThenRebuild();
    // The browser looks for a new worker when the page is loaded again.
    await page.reload();
    await updateButton(page).waitFor();
    expect(await buildOf(page)).toBe('one');
    expect(
      await page
        .getByRole('status')
        .filter({ has: updateButton(page) })
        .innerText(),
    ).toContain('A new version of Moatscore is ready.');
    await expectNoAxeViolations(page, 'start screen with the update prompt');
    await screenshot(page, 'update-prompt-start');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '重新加载以更新' }).waitFor();
    await expectNoAxeViolations(page, 'start screen with the update prompt, zh');
    await screenshot(page, 'update-prompt-start-zh');
    await page.setViewportSize({ width: 375, height: 800 });
    await expectNoAxeViolations(page, 'start screen with the update prompt, zh, 375 px');
    await screenshot(page, 'update-prompt-start-zh-375');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'English' }).click();

    await startByKeyboard(page, 'Mid Assessment Co', 'Ann');
    expect(await updateButton(page).count()).toBe(0);
    await screenshot(page, 'update-prompt-hidden-in-wizard');

    await openScreen(page, 'Library');
    await updateButton(page).click();
    await expect.poll(() => buildOf(page)).toBe('two');
    await page.getByRole('button', { name: 'Open the example' }).waitFor();
    expect(await updateButton(page).count()).toBe(0);
    await guard.expectClean();
  });

  it('applied in another tab, waits in a tab mid-assessment until it leaves the wizard', async () => {
    const { page: filling, guard } = await visitThenRebuild();
    await startByKeyboard(filling, 'Two Tabs Co', 'Ann');
    // Marks set in this document only: gone if the page reloads.
    await filling.evaluate(() => {
      document.documentElement.setAttribute('data-same-document', '');
      navigator.serviceWorker.addEventListener('controllerchange', () =>
        document.documentElement.setAttribute('data-new-controller', ''),
      );
    });

    // The other tab resumes the open assessment too; away from it, it shows the prompt.
    const other = await newPageInSameContext(filling);
    await other.goto('/');
    await other.locator('.wizard-step').waitFor();
    expect(await updateButton(other).count()).toBe(0);
    await openScreen(other, 'Library');
    await updateButton(other).click();
    await expect.poll(() => buildOf(other)).toBe('two');

    // The new version controls the tab mid-assessment now, which still runs the old one, untouched.
    await filling.locator('html[data-new-controller]').waitFor({ state: 'attached' });
    expect(await updateButton(filling).count()).toBe(0);
    await filling.locator('#notes').fill('typed after the update');
    expect(await filling.locator('html[data-same-document]').count()).toBe(1);
    expect(await buildOf(filling)).toBe('one');
    expect(await filling.inputValue('#notes')).toBe('typed after the update');

    // Leaving the wizard is the moment: it reloads into the new version, on the
    // start screen (which screen shows is not kept across a reload), with the
    // assessment saved, the answer typed after the update included.
    await filling.getByRole('button', { name: 'Library', exact: true }).click();
    await expect.poll(() => buildOf(filling)).toBe('two');
    await filling.getByRole('button', { name: 'Open the example' }).waitFor();
    await openScreen(filling, 'Library');
    await expect.poll(() => filling.getByTestId('library-row').count()).toBe(1);
    expect(await filling.getByTestId('library-row').innerText()).toContain('Two Tabs Co');
    await filling.getByRole('button', { name: 'Open Two Tabs Co' }).click();
    await filling.locator('.wizard-step').waitFor();
    expect(await filling.inputValue('#notes')).toBe('typed after the update');
    await guard.expectClean();
  });
});
