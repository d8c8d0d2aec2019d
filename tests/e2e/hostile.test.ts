import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShareLink, MAX_SHARE_ASSESSMENTS } from '../../src/adapters/share-link';
import { assessmentFileValue, serializeAssessment } from '../../src/core/assessment-file';
import { ASSESSMENT_VERSION } from '../../src/core/vocabulary';
import { loadExample } from '../helpers/fixtures';
import { amplifiedPayload, sealBomb, sealShare, unsealShare } from '../helpers/share-link-forge';
import { writeTemp } from '../report/pdf-tools';
import {
  closeAll,
  expectNoAxeViolations,
  newPage,
  screenshot,
  watchPage,
  appOrigin,
  storedLibrary,
  openScreen,
} from './harness';

/*
 * The hostile cases of the share-link and import regression corpus, in the
 * real app: what a user sees, and that nothing stored changes.
 */

afterAll(closeAll);

const example = loadExample();
let amplified = '';
let bomb = '';

beforeAll(async () => {
  const made = await createShareLink('https://x/', { kind: 'assessment', assessments: [example] });
  const payload = (await unsealShare(made.url)) as { file: string };
  const ref = (JSON.parse(payload.file) as { assessments: { rubric: unknown }[] }).assessments[0]!
    .rubric;
  amplified = await sealShare(amplifiedPayload(ref, 5000, ASSESSMENT_VERSION));
  bomb = await sealBomb(200);
});

const drafts = async (page: Page) =>
  (await storedLibrary(page)).drafts.map((d) => (d.assessment as { id: string }).id).sort();

/**
 * Leaves the site no room to store more, as a full disk or years of use
 * would: Chromium's own quota for the origin, set through DevTools.
 */
async function fillStorage(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: appOrigin(), quotaSize: 1 });
}

async function openLibrary(page: Page) {
  await openScreen(page, 'Library');
  await page.locator('.library').waitFor();
}

describe('hostile share links in the browser', () => {
  it('refuses 5,000 preset references by their count, saying which limit', async () => {
    const page = await newPage();
    const guard = await watchPage(page);
    await page.goto(`/${amplified}`);
    const error = page.getByTestId('share-error');
    await error.waitFor();
    expect(await error.innerText()).toContain(
      `holds 5000 assessments; a link holds at most ${MAX_SHARE_ASSESSMENTS}`,
    );
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'share link over its limits');
    await screenshot(page, 'share-over-limit-en-1280');
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Open the example' }).waitFor();
    await guard.expectClean();
  });

  it('stops a decompression bomb at the cap, saying so', async () => {
    const page = await newPage({ locale: 'zh-CN' });
    const guard = await watchPage(page);
    await page.goto(`/${bomb}`);
    const error = page.getByTestId('share-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('内容解压后超过 10 MB 的上限');
    await guard.expectClean();
  });
});

describe('imports that cannot be saved', () => {
  it('at full storage: a file import says nothing was imported and how full storage is', async () => {
    const page = await newPage();
    const guard = await watchPage(page);
    await page.goto('/');
    await openLibrary(page);
    await fillStorage(page);
    await page
      .locator('#import-files')
      .setInputFiles(
        writeTemp('example.json', new TextEncoder().encode(serializeAssessment(example))),
      );
    const outcome = page.getByTestId('import-outcome');
    await outcome.waitFor();
    expect(await outcome.innerText()).toMatch(
      /^Nothing was imported: the browser's storage is full \(uses [\d,.]+ [KMG]B of [\d,.]+ [KMG]B\)\. Free space or export first\.$/,
    );
    expect(await page.getByTestId('library-row').count()).toBe(0);
    expect(await drafts(page)).toEqual([]);
    await screenshot(page, 'library-import-storage-full-en-1280');
    await guard.expectClean();
  });

  it('at full storage: a share link import says the same, and the app still navigates', async () => {
    const made = await createShareLink('https://x/', {
      kind: 'assessment',
      assessments: [example],
    });
    const page = await newPage();
    const guard = await watchPage(page);
    await page.goto('/');
    await fillStorage(page);
    await page.goto(`/${made.url.slice(made.url.indexOf('#'))}`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const outcome = page.getByTestId('import-outcome');
    await outcome.waitFor();
    expect(await outcome.innerText()).toMatch(
      /^Nothing was imported: the browser's storage is full/,
    );
    expect(await drafts(page)).toEqual([]);
    await page.getByRole('button', { name: "Don't import" }).click();
    await openLibrary(page);
    expect(await page.getByTestId('library-row').count()).toBe(0);
    await guard.expectClean();
  });
});

describe('imports that clash with a damaged record', () => {
  // Left in localStorage by an earlier version, moved aside into the database at the next start.
  const damagedKey = `moatscore.draft.${example.id}`;
  const damagedText = '{"format":"moatscore.draft","version":1,"savedAt":"2026-';
  const damagedKept = async (page: Page) =>
    (await storedLibrary(page)).damaged.find((d) => d.key === example.id)?.text;

  it('a file import becomes a conflict the user resolves, and the damaged record stays', async () => {
    const page = await newPage();
    const guard = await watchPage(page);
    await page.goto('/');
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [damagedKey, damagedText]);
    await page.reload();
    await openLibrary(page);
    await page
      .locator('#import-files')
      .setInputFiles(
        writeTemp('example.json', new TextEncoder().encode(serializeAssessment(example))),
      );
    const conflict = page.getByTestId('import-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('cannot be read');
    expect(await conflict.getByRole('button', { name: 'Replace them' }).count()).toBe(0);
    await conflict.getByRole('button', { name: 'Keep both' }).click();
    await page.getByTestId('library-row').first().waitFor();
    expect(await page.getByTestId('import-outcome').innerText()).toContain('1 added');
    expect(await damagedKept(page)).toBe(damagedText);
    await expect.poll(async () => (await drafts(page)).length).toBe(1);
    expect(await drafts(page)).not.toContain(example.id);
    await guard.expectClean();
  });

  it('a share link import is added as a copy, and navigation keeps working', async () => {
    const made = await createShareLink('https://x/', {
      kind: 'assessment',
      assessments: [example],
    });
    const page = await newPage();
    const guard = await watchPage(page);
    // Damaged before the link is opened in a new tab, as it would be in life.
    await page.addInitScript(
      ([k, v]) => {
        if (localStorage.getItem(k!) === null) localStorage.setItem(k!, v!);
      },
      [damagedKey, damagedText],
    );
    await page.goto(`/${made.url.slice(made.url.indexOf('#'))}`);
    await page.getByText('it will be added as a copy').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('.library').waitFor();
    expect(await page.getByTestId('library-row').count()).toBe(1);
    expect(await damagedKept(page)).toBe(damagedText);
    await openScreen(page, 'Deals');
    await page.locator('.deals').waitFor();
    await guard.expectClean();
  });
});

describe('an import with a hundred thousand problems', () => {
  it('shows the first 20 and how many more, without freezing', async () => {
    const answers: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i += 1) {
      answers[`market.bogus-${i}`] = { value: 1, evidence: 'verified', notes: '' };
    }
    const file = writeTemp(
      'many.json',
      new TextEncoder().encode(JSON.stringify({ ...assessmentFileValue(example), answers })),
    );
    const page = await newPage();
    const guard = await watchPage(page);
    await page.goto('/');
    await openLibrary(page);
    await page.locator('#import-files').setInputFiles(file);
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.getByRole('listitem').count()).toBe(21);
    expect(await errors.getByRole('listitem').last().innerText()).toBe('and 99,980 more');
    expect(await errors.getByRole('listitem').first().innerText()).toMatch(
      /^many\.json: answers\.market\.bogus-0: no criterion "market\.bogus-0"/,
    );
    await guard.expectClean();
  });
});
