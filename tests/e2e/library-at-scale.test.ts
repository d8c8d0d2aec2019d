import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { draftKey } from '../../src/adapters/draft-keys';
import { newDraft } from '../../src/core/draft';
import { serializeDraftRecord } from '../../src/core/draft-record';
import { serializeBundle } from '../../src/core/import-file';
import type { Assessment } from '../../src/core/schema';
import { answers, loadExample, makeAssessment, tinyRubric } from '../helpers/fixtures';
import { writeTemp } from '../report/pdf-tools';
import {
  closeAll,
  expectNoAxeViolations,
  newPage,
  newPageInSameContext,
  screenshot,
  storedLibrary,
  watchPage,
  openScreen,
} from './harness';

afterAll(closeAll);

const rubric = tinyRubric();
const rated = (i: number): Assessment =>
  makeAssessment(rubric, answers({ 'alpha.x': [1 + (i % 5), 'verified', `note ${i}`] }), {
    id: `scale-${i}`,
    deal: `deal-${i % 200}`,
    company: { name: `Company ${String(i).padStart(4, '0')}`, stage: 'seed', sector: 'AI' },
  });

/** Bundles of `size` assessments each (ids from `first` on), as files the import takes. */
function bundles(count: number, size: number, first = 0): string[] {
  const files: string[] = [];
  for (let start = first; start < first + count; start += size) {
    const length = Math.min(size, first + count - start);
    const chunk = Array.from({ length }, (_, k) => rated(start + k));
    const text = serializeBundle(chunk, '2026-11-30T00:00:00.000Z');
    files.push(writeTemp(`bundle-${start}.json`, new TextEncoder().encode(text)));
  }
  return files;
}

async function openLibrary(page: Page) {
  await openScreen(page, 'Library');
  await page.locator('.library').waitFor();
}

const showing = (page: Page) => page.locator('.show-more').innerText();

describe('a library of a thousand assessments', () => {
  it('imports 1,000 at once, keeps them across a reload, and shows them a page at a time', async () => {
    const page = await newPage();
    const guard = await watchPage(page);
    await page.goto('/');
    await openLibrary(page);
    await page.locator('#import-files').setInputFiles(bundles(1000, 500));
    await expect
      .poll(() => page.getByTestId('import-outcome').innerText(), { timeout: 60_000 })
      .toContain('1000 added');
    await page.reload();
    await openLibrary(page);
    expect(await page.getByTestId('library-row').count()).toBe(50);
    expect(await showing(page)).toContain('Showing 50 of 1000');
    await page.getByRole('button', { name: 'Show 50 more' }).click();
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(100);
    const stored = await storedLibrary(page);
    expect(stored.summaries).toHaveLength(1000);
    // One rubric snapshot for all thousand.
    expect(stored.rubrics).toBe(1);
    await page.getByLabel('Search company, sector, evaluator').fill('Company 0999');
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(1);
    await screenshot(page, 'library-1000-en-1280');

    // The pipeline of their 200 deals, a page at a time too.
    await openScreen(page, 'Deals');
    const dealRows = page.getByTestId('pipeline-row');
    await expect.poll(() => dealRows.count()).toBe(50);
    expect(await showing(page)).toContain('Showing 50 of 200 deals');
    await page.getByRole('button', { name: 'Show 50 more' }).click();
    await expect.poll(() => dealRows.count()).toBe(100);
    await expectNoAxeViolations(page, 'pipeline of 200 deals');
    await screenshot(page, 'pipeline-200-en-1280');
    await guard.expectClean();
  });

  it('leaves the library as it was when a write fails half-way through an import, and says so', async () => {
    const page = await newPage();
    const guard = await watchPage(page);
    // The 40th assessment's write fails, as a disk failing mid-way would.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      let drafts = 0;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
        const armed = (window as unknown as { failImport?: boolean }).failImport === true;
        if (this.name === 'drafts' && armed && (drafts += 1) === 40) {
          throw new DOMException('the disk failed', 'UnknownError');
        }
        return put.apply(this, args);
      };
    });
    await page.goto('/');
    await openLibrary(page);
    await page.locator('#import-files').setInputFiles(bundles(10, 10));
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(10);
    await page.evaluate(() => ((window as unknown as { failImport: boolean }).failImport = true));
    await page.locator('#import-files').setInputFiles(bundles(100, 100, 1000));
    const outcome = page.getByTestId('import-outcome');
    await expect.poll(() => outcome.innerText()).toMatch(/^Nothing was imported/);
    expect(await page.getByTestId('library-row').count()).toBe(10);
    expect((await storedLibrary(page)).drafts).toHaveLength(10);
    await guard.expectClean({ ignore: [/the disk failed/] });
  });

  it('moves drafts saved by the previous version, and keeps a damaged one downloadable', async () => {
    const records = [newDraft(loadExample(), '2026-11-29T10:00:00.000Z')].concat(
      Array.from({ length: 30 }, (_, i) => newDraft(rated(i), '2026-11-29T11:00:00.000Z')),
    );
    const previous: Record<string, string> = Object.fromEntries([
      ...records.map((r) => [draftKey(r.assessment.id), serializeDraftRecord(r)]),
      ['moatscore.draft.torn', '{"format":"moatscore.draft","version":1,"savedAt":"2026-'],
    ]);
    const page = await newPage();
    const guard = await watchPage(page);
    await page.addInitScript((entries) => {
      if (localStorage.getItem('moatscore.migrated-fixture') !== null) return;
      localStorage.setItem('moatscore.migrated-fixture', '1');
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }, previous);
    await page.goto('/');
    await openLibrary(page);
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(records.length);
    await expect
      .poll(async () => (await storedLibrary(page)).summaries.length)
      .toBe(records.length);
    // The old keys go only once the copies are in.
    const left = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('moatscore.draft.')),
    );
    expect(left).toEqual([]);
    const damaged = page.getByTestId('damaged-row');
    await damaged.waitFor();
    expect(await damaged.innerText()).toContain('torn');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      damaged.getByRole('button').click(),
    ]);
    expect(file.suggestedFilename()).toBe('torn.json');
    await guard.expectClean();
  });

  it('shows an import made in one tab in the other', async () => {
    const first = await newPage();
    await first.goto('/');
    await openLibrary(first);
    const second = await newPageInSameContext(first);
    await second.goto('/');
    await openLibrary(second);
    await first.locator('#import-files').setInputFiles(bundles(5, 5, 2000));
    await expect.poll(() => second.getByTestId('library-row').count()).toBe(5);
  });
});
