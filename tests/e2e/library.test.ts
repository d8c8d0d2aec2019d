import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parseImportText, serializeBundle } from '../../src/core/import-file';
import type { Assessment } from '../../src/core/schema';
import { repoPath } from '../helpers/fixtures';
import { writeTemp } from '../report/pdf-tools';
import {
  closeAll,
  expectNoAxeViolations,
  newPage,
  newPageInSameContext,
  screenshot,
  watchPage,
  savedDrafts,
  openScreen,
} from './harness';

afterAll(closeAll);

const example = JSON.parse(
  readFileSync(repoPath('examples/deeplake-ai.json'), 'utf8'),
) as Assessment;
const variant = (id: string, name: string, demand: number): Assessment => ({
  ...example,
  id,
  company: { ...example.company, name },
  answers: {
    ...example.answers,
    'market.demand': { value: demand, evidence: 'verified', notes: `${name} 备注 🚀`, facts: [] },
  },
});

async function openLibrary(page: Page) {
  await openScreen(page, 'Library');
  await page.locator('.library').waitFor();
}

async function download(
  page: Page,
  button: string | RegExp,
): Promise<{ name: string; text: string }> {
  const target =
    typeof button === 'string'
      ? page.getByRole('button', { name: button, exact: true })
      : page.getByRole('button', { name: button }).first();
  const [file] = await Promise.all([page.waitForEvent('download'), target.click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

describe('the library', () => {
  it('imports through the file chooser, exports by download, deletes with undo', async () => {
    const page = await newPage({ width: 1280 });
    const guard = await watchPage(page);
    await page.goto('/');
    await openLibrary(page);
    expect(await page.locator('.empty').innerText()).toMatch(/No assessments yet/);

    const bundle = writeTemp(
      'bundle.json',
      new TextEncoder().encode(
        serializeBundle([variant('b1', 'Alpha AI', 5), variant('b2', '贝塔智能', 2)], 'now'),
      ),
    );
    await page.locator('#import-files').setInputFiles(bundle);
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(2);
    expect(await page.getByTestId('import-outcome').innerText()).toContain('Import done: 2 added');
    await expectNoAxeViolations(page, 'library, en');
    await screenshot(page, 'library-en-1280');

    // A bad file: refused with the file and the field, and nothing changes.
    const bad = writeTemp(
      'broken.json',
      new TextEncoder().encode(
        JSON.stringify({
          ...variant('b3', 'Bad', 1),
          answers: { 'market.demand': { value: 8, evidence: 'verified', notes: '' } },
        }),
      ),
    );
    await page.locator('#import-files').setInputFiles(bad);
    expect(await page.getByTestId('import-errors').innerText()).toContain(
      'broken.json: answers.market.demand.value: 8 is out of range',
    );
    expect(await page.getByTestId('library-row').count()).toBe(2);

    // The same id again: replace or keep both.
    await page.locator('#import-files').setInputFiles(bundle);
    expect(await page.getByTestId('import-conflict').innerText()).toContain(
      '2 of these are already in your library',
    );
    await page.getByRole('button', { name: 'Keep both' }).click();
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(4);

    // Search and sort.
    await page.getByLabel('Search company, sector, evaluator').fill('贝塔');
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(2);
    await page.getByLabel('Search company, sector, evaluator').fill('');
    await page.getByLabel('Sort by').selectOption('score');
    const scores = (await page.locator('.library-overall').allInnerTexts()).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // Export one assessment: the file reads back as what is stored.
    await expect.poll(async () => (await savedDrafts(page)).length).toBe(4);
    const stored = (await savedDrafts(page)).map((d) => d.assessment as Assessment);
    const first = await download(page, /^Export .+ as a file$/);
    const parsed = parseImportText(first.text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(stored).toContainEqual(parsed.assessments[0]);
    expect(first.name).toMatch(/^moatscore-.+-\d{4}-\d{2}-\d{2}\.json$/);

    // CSV for spreadsheets: BOM, and one row per assessment.
    const csv = await download(page, 'CSV, one row per assessment');
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.text.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.company).sort()).toEqual(stored.map((a) => a.company.name).sort());

    // Delete with undo.
    await page.getByRole('button', { name: 'Delete Alpha AI' }).first().click();
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(3);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(4);

    // Bulk: select all, delete, undo.
    await page.getByLabel(/Select all 4 shown/).check();
    await page.getByRole('button', { name: 'Delete selected' }).click();
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(4);

    await page.getByRole('button', { name: '中文' }).click();
    await expectNoAxeViolations(page, 'library, zh');
    await screenshot(page, 'library-zh-1280');
    await guard.expectClean();
  });

  it('keeps edits made in two tabs on the same assessment, and shows each in the other', async () => {
    const first = await newPage();
    const guard = await watchPage(first);
    await first.goto('/');
    await first.locator('#companyName').fill('Two Tabs AI');
    await first.locator('#evaluatorName').fill('Ann');
    await first.locator('form button[type=submit]').click();
    await first.locator('.wizard-step').waitFor();
    await first.locator('input[name=value]').nth(2).check();
    await first.locator('input[name=evidence]').nth(0).check();
    await first.locator('#notes').fill('typed in the first tab');
    await first.locator('#notes').press('End');

    const second = await newPageInSameContext(first);
    await second.goto('/');
    await second.locator('.wizard-step').waitFor();
    expect(await second.inputValue('#notes')).toBe('typed in the first tab');
    // The second tab moves on and answers the next criterion.
    await second.locator('.wizard-step button[type=submit]').click();
    await expect.poll(() => second.locator('#step-position').innerText()).toContain('2 of 6');
    await second.locator('input[name=value]').nth(3).check();
    await second.locator('input[name=evidence]').nth(1).check();

    const stored = async () =>
      ((await savedDrafts(first))[0]?.assessment as Assessment | undefined)?.answers ?? {};
    await expect
      .poll(async () => (await stored())['market.competition']?.evidence)
      .toBe('estimated');

    // The first tab, still on step one, keeps typing where it was: the other tab's answers
    // arriving take neither the cursor nor the text, and the second tab's answer survives.
    expect(await first.evaluate(() => document.activeElement?.id)).toBe('notes');
    await first.keyboard.type(', then more');
    await expect
      .poll(async () => (await stored())['market.demand']?.notes)
      .toBe('typed in the first tab, then more');
    const answers = await stored();
    expect(answers['market.demand']).toMatchObject({ value: 3 });
    expect(answers['market.competition']).toMatchObject({ value: 4, evidence: 'estimated' });

    // And the second tab shows the first tab's latest note when it goes back.
    await second.getByRole('button', { name: 'Back', exact: true }).click();
    expect(await second.inputValue('#notes')).toBe('typed in the first tab, then more');
    await guard.expectClean();
  });
});
