import { afterAll, describe, expect, it } from 'vitest';
import { scoreAssessmentFile } from '../../src/core/score-assessment-file';
import type { Assessment } from '../../src/core/schema';
import { formatScore } from '../../src/i18n/t';
import {
  closeAll,
  expectNoAxeViolations,
  newPage,
  newPageInSameContext,
  screenshot,
  watchPage,
  savedDrafts,
  storedLibrary,
} from './harness';
import { answerByKeyboard, focusedIs, startByKeyboard, tabTo } from './wizard-flow';

afterAll(closeAll);

/** Level and evidence for each of the twelve steps. */
const PLAN: [number, number][] = [
  [4, 0],
  [3, 1],
  [4, 0],
  [3, 0],
  [3, 1],
  [4, 0],
  [4, 2],
  [4, 2],
  [3, 0],
  [2, 1],
  [3, 0],
  [5, 1],
];

describe.each([
  {
    locale: 'en-US' as const,
    lang: 'en',
    width: 1280,
    progress: 'Market prospects · 1 of 6',
    finish: 'Finish and see results',
  },
  {
    locale: 'zh-CN' as const,
    lang: 'zh',
    width: 375,
    progress: '市场前景 · 第 1 项，共 6 项',
    finish: '完成并查看结果',
  },
])('the wizard in $lang at $width px', ({ locale, lang, width, progress, finish }) => {
  it('is completed by keyboard alone, with accessible screens and nothing leaving the origin', async () => {
    const page = await newPage({ locale, width });
    const guard = await watchPage(page);
    await page.goto('/');
    await expectNoAxeViolations(page, `start, ${lang}`);
    await screenshot(page, `wizard-start-${lang}-${width}`);

    await startByKeyboard(
      page,
      lang === 'zh' ? '深湖智能' : 'DeepLake AI',
      lang === 'zh' ? '李伟' : 'Li Wei',
    );
    expect(await page.locator('#step-position').innerText()).toBe(progress);
    expect(await focusedIs(page, 'h1')).toBe(true);
    await expectNoAxeViolations(page, `first step, ${lang}`);
    await screenshot(page, `wizard-step-${lang}-${width}`);

    for (const [i, [level, evidence]] of PLAN.entries()) {
      await answerByKeyboard(
        page,
        level,
        evidence,
        i === 0 ? (lang === 'zh' ? '三家银行签了意向书' : 'LOIs from 3 banks') : '',
      );
    }
    // After the criteria, the deal-breaker questions; by keyboard: a radio group each, then Continue.
    await page.locator('.deal-breaker-step').waitFor();
    expect(await focusedIs(page, 'h1')).toBe(true);
    await tabTo(page, 'input[name="db-ip-assigned"]');
    await page.keyboard.press('Space');
    await tabTo(page, '.deal-breaker-step button[type=submit]');
    await page.keyboard.press('Enter');
    await page.locator('.review').waitFor();
    expect(await focusedIs(page, 'h1')).toBe(true);
    await expectNoAxeViolations(page, `review, ${lang}`);
    await screenshot(page, `wizard-review-${lang}-${width}`);
    const criteriaRows = page.locator('.review section:not(.deal-breaker-answers) .summary-row');
    expect(await criteriaRows.count()).toBe(12);
    expect(await criteriaRows.locator('.unanswered').count()).toBe(0);
    // One deal-breaker answered, the other five open.
    const dealBreakerRows = page.locator('.deal-breaker-answers .summary-row');
    expect(await dealBreakerRows.count()).toBe(6);
    expect(await dealBreakerRows.locator('.unanswered').count()).toBe(5);

    await tabTo(page, '.review .button.primary');
    expect(await page.locator('.review .button.primary').innerText()).toBe(finish);
    await page.keyboard.press('Enter');
    await page.locator('.results').waitFor();

    const [draft] = await savedDrafts(page);
    const assessment = draft?.assessment as Assessment;
    expect(Object.values(assessment.answers).map((a) => a.value)).toEqual(
      PLAN.map(([level]) => level),
    );
    // Space checks the focused first option of the group: "yes", all IP assigned.
    expect(assessment.dealBreakers).toEqual({ 'ip-assigned': 'yes' });
    const results = scoreAssessmentFile(assessment);
    expect(await page.getByTestId('overall-score').innerText()).toContain(
      formatScore(results.overall!),
    );
    await guard.expectClean();
  });
});

describe('errors', () => {
  it('an empty rating shows the error summary, focused, and keeps what was typed', async () => {
    const page = await newPage({ width: 320 });
    const guard = await watchPage(page);
    await page.goto('/');
    const noSideScroll = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await noSideScroll()).toBe(true);

    await tabTo(page, 'form button[type=submit]');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedIs(page, '.error-summary')).toBe(true);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.error-summary li').allInnerTexts()).toEqual([
      'Enter the company name',
      'Enter your name',
    ]);
    await expectNoAxeViolations(page, 'start in error');

    await startByKeyboard(page, 'Acme', 'Ann');
    await tabTo(page, '#notes');
    await page.keyboard.type('typed before choosing');
    await tabTo(page, '.wizard-step button[type=submit]');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedIs(page, '.error-summary')).toBe(true);
    expect(await page.title()).toMatch(/^Error: Market demand/);
    expect(await page.locator('.error-summary li').count()).toBe(2);
    expect(await page.inputValue('#notes')).toBe('typed before choosing');
    await expectNoAxeViolations(page, 'step in error, en');
    expect(await noSideScroll()).toBe(true);
    await screenshot(page, 'wizard-step-error-en-320');

    await page.getByRole('button', { name: '中文' }).click();
    expect(await page.locator('.error-summary h2').innerText()).toBe('请先处理以下问题');
    await page.locator('.wizard-step button[type=submit]').click();
    await expect.poll(() => page.title()).toMatch(/^错误：市场需求/);
    await expectNoAxeViolations(page, 'step in error, zh');
    await guard.expectClean();
  });
});

describe('saved as you go', () => {
  it('keeps an assessment opened before the draft store loaded, across a reload', async () => {
    const page = await newPage();
    const guard = await watchPage(page);
    // Hold the draft store's code back, as a slow network or a busy machine would.
    // The page that opens the example never gets it; the page after the reload does.
    let reloaded = () => {};
    const reloading = new Promise<void>((resolve) => (reloaded = resolve));
    let requests = 0;
    await page.route(/\/open-library-[\w-]+\.js$/, async (route) => {
      requests += 1;
      if (requests > 1) return route.continue();
      await reloading;
      await route.abort().catch(() => undefined);
    });
    await page.goto('/');
    await page.getByRole('button', { name: 'Open the example' }).click();
    await page.locator('.results').waitFor();
    await page.reload();
    reloaded();
    await page.getByRole('heading', { level: 1, name: /Results/ }).waitFor();
    await page.locator('.radar canvas').first().waitFor();
    await expect.poll(async () => (await savedDrafts(page)).length).toBe(1);
    await guard.expectClean();
  });

  it('resumes at the same step with every answer after a reload, and after closing the tab right after typing', async () => {
    const page = await newPage();
    const guard = await watchPage(page);
    await page.goto('/');
    await startByKeyboard(page, 'Resume Co', 'Ann');
    await answerByKeyboard(page, 2, 0, 'first');
    await answerByKeyboard(page, 3, 1);
    await page.locator('#notes').fill('half-typed note');
    await page.reload();

    await page.locator('.wizard-step').waitFor();
    expect(await page.locator('#step-position').innerText()).toBe('Market prospects · 3 of 6');
    expect(await page.inputValue('#notes')).toBe('half-typed note');
    await guard.expectClean();

    await page.keyboard.press('Tab');
    await tabTo(page, 'input[name=value]');
    await page.keyboard.press('Space');
    await page.locator('#notes').pressSequentially(' and more');
    const second = await newPageInSameContext(page);
    await page.close();
    await second.goto('/');
    await second.locator('.wizard-step').waitFor();
    expect(await second.inputValue('#notes')).toBe('half-typed note and more');
    expect(await second.locator('input[name=value]:checked').count()).toBe(1);

    await second.getByRole('button', { name: 'Back', exact: true }).click();
    await second.getByRole('button', { name: 'Back', exact: true }).click();
    expect(await second.locator('input[name=value]:checked').getAttribute('value')).toBe('2');
    expect(await second.inputValue('#notes')).toBe('first');
  });

  it('reports a corrupted saved record, keeps it untouched, and still loads the other drafts', async () => {
    const page = await newPage();
    const guard = await watchPage(page);
    await page.goto('/');
    await startByKeyboard(page, 'Survivor Ltd', 'Ann');
    await answerByKeyboard(page, 3, 0);
    // As an earlier version would have left it: moved into the database on the next start.
    const corrupt = '{"format":"moatscore.draft","version":1,"savedAt":"2026-';
    await page.evaluate((text) => localStorage.setItem('moatscore.draft.corrupt', text), corrupt);
    await page.getByRole('button', { name: 'New assessment' }).click();
    await page.reload();

    const banner = page.locator('.drafts .banner');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/1 saved record could not be read/);
    await banner.getByTestId('damaged-row').waitFor();
    expect(await banner.innerText()).toContain('corrupt: not valid JSON');
    await expectNoAxeViolations(page, 'start with a damaged draft');
    await screenshot(page, 'wizard-start-damaged-en-1280');

    await page.getByRole('button', { name: 'Resume Survivor Ltd' }).click();
    await page.locator('.wizard-step').waitFor();
    expect(await page.locator('#step-position').innerText()).toBe('Market prospects · 2 of 6');
    expect((await storedLibrary(page)).damaged).toEqual([
      expect.objectContaining({ key: 'corrupt', text: corrupt }),
    ]);
    await guard.expectClean();
  });

  it('keeps working in memory, with a banner in the user language, when storage is full', async () => {
    const page = await newPage({ locale: 'zh-CN' });
    // Every write of an assessment refused, as a full disk would.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
        if (this.name === 'drafts') throw new DOMException('full', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const guard = await watchPage(page);
    await page.goto('/');
    await startByKeyboard(page, '满仓科技', '王芳');
    const banner = page.locator('.banner-warning');
    expect(await banner.innerText()).toContain('浏览器存储空间已满');
    await answerByKeyboard(page, 4, 0, '仍然可以继续');
    await page.getByRole('button', { name: '上一步' }).click();
    expect(await page.inputValue('#notes')).toBe('仍然可以继续');
    await expectNoAxeViolations(page, 'step with storage banner, zh');
    await screenshot(page, 'wizard-storage-full-zh-1280');
    await guard.expectClean();
  });
});
