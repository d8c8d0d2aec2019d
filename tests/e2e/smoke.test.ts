/**
 * Smoke test of the built app in Chromium, and proof that the harness's guards
 * can fail (a guard that never fails proves nothing).
 */
import { existsSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appOrigin,
  closeAll,
  expectNoAxeViolations,
  newPage,
  newPageInSameContext,
  runAxe,
  screenshot,
  watchPage,
} from './harness';

afterAll(closeAll);

describe('the built app', () => {
  for (const width of [375, 1280]) {
    it(`loads cleanly and accessibly at ${width} px`, async () => {
      const page = await newPage({ width, height: 800 });
      const guard = await watchPage(page);
      const response = await page.goto('/');

      expect(response?.status()).toBe(200);
      // The CSP comes both as a header (vite preview) and as a meta tag (the build).
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response?.headers()['x-frame-options']).toBe('DENY');
      await expect
        .poll(() => page.locator('meta[http-equiv="Content-Security-Policy"]').count())
        .toBe(1);

      const heading = page.locator('h1');
      await heading.first().waitFor();
      expect((await heading.first().innerText()).trim()).not.toBe('');

      await guard.expectClean();
      await expectNoAxeViolations(page, `home, en-US, ${width} px`);
      // Injecting axe through the DevTools protocol must not itself trip the CSP.
      await guard.expectClean();

      const path = await screenshot(page, `smoke-home-${width}`);
      expect(existsSync(path)).toBe(true);
      expect(statSync(path).size).toBeGreaterThan(1000);
      await page.context().close();
    });
  }
});

describe('the harness', () => {
  it('records an inline script the CSP blocks, and expectClean then fails', async () => {
    const page = await newPage();
    const guard = await watchPage(page);
    await page.goto('/');
    await guard.expectClean();

    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__x = 1';
      document.body.append(s);
    });

    await expect.poll(() => guard.cspViolations.length).toBeGreaterThan(0);
    expect(guard.cspViolations[0]).toMatchObject({
      directive: 'script-src-elem',
      blockedURI: 'inline',
      disposition: 'enforce',
    });
    expect(await page.evaluate(() => (window as { __x?: number }).__x)).toBeUndefined();
    await expect(guard.expectClean()).rejects.toThrow(/CSP violation: enforce script-src-elem/);

    guard.reset();
    await guard.expectClean();
    await page.context().close();
  });

  it('records requests to another origin, page errors and console errors', async () => {
    const page = await newPage();
    const guard = await watchPage(page);
    await page.goto('/');

    await page.evaluate(() => {
      // Another loopback address: a different origin, and nothing listens there.
      const img = document.createElement('img');
      img.alt = '';
      img.src = 'http://127.0.0.2:9/pixel.png';
      document.body.append(img);
      setTimeout(() => {
        throw new Error('thrown on purpose');
      }, 0);
      console.error('logged on purpose');
    });

    await expect.poll(() => guard.pageErrors.length).toBeGreaterThan(0);
    const problems = await guard.problems();
    expect(problems).toContainEqual(
      expect.stringMatching(/^request to another origin: GET http:\/\/127\.0\.0\.2:9\/pixel\.png/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^page error: Error: thrown on purpose/));
    expect(problems).toContainEqual(expect.stringMatching(/^console error: logged on purpose/));
    expect(problems).toContainEqual(expect.stringMatching(/^CSP violation: enforce img-src/));
    await expect(guard.expectClean({ ignore: [/on purpose|127\.0\.0\.2/] })).resolves.toBe(
      undefined,
    );
    expect(guard.foreignRequests.every((line) => !line.includes(appOrigin()))).toBe(true);
    await page.context().close();
  });

  it('reports axe violations with the context, rule, impact and targets', async () => {
    const page = await newPage();
    await page.goto('/');
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.id = 'no-alt';
      img.src = '/favicon.svg';
      document.body.append(img);
    });

    const violations = await runAxe(page);
    expect(violations.map((v) => v.id)).toContain('image-alt');
    await expect(expectNoAxeViolations(page, 'broken on purpose')).rejects.toThrow(
      /^broken on purpose: \d+ axe violation\(s\)[^]*- image-alt \((critical|serious)\): [^]*#no-alt/,
    );
    await page.context().close();
  });

  it('gives each page fresh storage, and a second tab the same storage', async () => {
    const first = await newPage({ locale: 'zh-CN' });
    await first.goto('/');
    expect(await first.evaluate(() => navigator.language)).toBe('zh-CN');
    await first.evaluate(() => localStorage.setItem('e2e-probe', 'kept'));

    const sameContext = await newPageInSameContext(first);
    await sameContext.goto('/');
    expect(await sameContext.evaluate(() => localStorage.getItem('e2e-probe'))).toBe('kept');
    await sameContext.reload();
    expect(await sameContext.evaluate(() => localStorage.getItem('e2e-probe'))).toBe('kept');

    const fresh = await newPage();
    await fresh.goto('/');
    expect(await fresh.evaluate(() => localStorage.getItem('e2e-probe'))).toBeNull();
    expect(await fresh.evaluate(() => navigator.language)).toBe('en-US');
    await first.context().close();
    await fresh.context().close();
  });
});
