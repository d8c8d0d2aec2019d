import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregateDeal } from '../../src/core/aggregate-deal';
import { serializeBundle } from '../../src/core/import-file';
import type { Assessment } from '../../src/core/schema';
import { scoreAssessment } from '../../src/core/score-assessment';
import { formatScore } from '../../src/i18n/t';
import { repoPath } from '../helpers/fixtures';
import { writeTemp } from '../report/pdf-tools';
import {
  closeAll,
  expectNoAxeViolations,
  newPage,
  screenshot,
  watchPage,
  openScreen,
} from './harness';

afterAll(closeAll);

const example = JSON.parse(
  readFileSync(repoPath('examples/deeplake-ai.json'), 'utf8'),
) as Assessment;
/** A rater of the example company, with some answers moved by `shift` levels. */
function rater(
  id: string,
  name: string,
  role: Assessment['evaluator']['role'],
  shifts: Record<string, number>,
): Assessment {
  const answers = Object.fromEntries(
    Object.entries(example.answers).map(([key, a]) => [
      key,
      { ...a, value: Math.min(5, Math.max(1, a.value + (shifts[key] ?? 0))) },
    ]),
  );
  return { ...example, id, evaluator: { name, role }, answers };
}
const founder = rater('founder', 'Li Wei', 'founder', { 'market.demand': 1 });
const zhang = rater('zhang', 'Zhang Min', 'investor', {
  'market.demand': -2,
  'differentiation.data': -1,
});
const wang = rater('wang', 'Wang Fang', 'investor', { 'differentiation.data': 1 });
const weaker: Assessment = {
  ...rater('other', 'Ann', 'investor', { 'market.team': -2, 'market.demand': -2 }),
  deal: 'acme',
  company: { name: 'Acme Models', stage: 'seed', sector: '' },
};

describe('deals', () => {
  it('gathers three raters, highlights their disagreement, ranks the pipeline, and hides others in blind scoring', async () => {
    const page = await newPage({ width: 1280 });
    const guard = await watchPage(page);
    await page.goto('/');
    await openScreen(page, 'Library');
    const file = writeTemp(
      'deal.json',
      new TextEncoder().encode(serializeBundle([founder, zhang, wang, weaker], 'now')),
    );
    await page.locator('#import-files').setInputFiles(file);
    await expect.poll(() => page.getByTestId('library-row').count()).toBe(4);

    await openScreen(page, 'Deals');
    const rows = page.getByTestId('pipeline-row');
    await expect.poll(() => rows.count()).toBe(2);
    // Ranked by score: the deal score is the rubric-weighted mean of the raters' criterion percents.
    const deal = aggregateDeal([founder, zhang, wang]);
    if (!deal.ok) throw new Error(deal.problem.code);
    const acme = scoreAssessment(weaker.rubric, weaker.answers).overall!;
    expect(deal.value.overall!).toBeGreaterThan(acme);
    expect(await rows.nth(0).innerText()).toContain(example.company.name);
    expect(await rows.nth(0).innerText()).toContain(formatScore(deal.value.overall!));
    expect(await rows.nth(1).innerText()).toContain('Acme Models');
    await page.getByRole('button', { name: 'Company' }).click();
    expect(await rows.nth(0).innerText()).toContain('Acme Models');
    await expectNoAxeViolations(page, 'pipeline');

    await page.getByRole('button', { name: example.company.name }).click();
    const table = page.getByTestId('deal-table');
    await table.waitFor();
    // Demand: founder 5, Zhang 2, Wang 4 → three levels apart; data: 3, 5 → 2 apart (flagged too).
    const flagged = await page.locator('tr.disagree th').allInnerTexts();
    expect(flagged.map((t) => t.split('\n')[0]!.split(' · ')[0])).toEqual(
      deal.value.disagreements.map((id) => deal.value.criteria.find((c) => c.id === id)!.name.en),
    );
    expect(flagged[0]).toContain('differ by 3 levels');
    expect(await page.getByTestId('deal-alpha').innerText()).toContain(
      deal.value.alpha!.toFixed(2),
    );
    await expectNoAxeViolations(page, 'deal view');
    await screenshot(page, 'deal-en-1280');

    // Blind scoring as the founder, whose assessment is complete: nothing needs hiding.
    await page.getByLabel('I am').selectOption('founder');
    expect(await page.getByTestId('blind-note').count()).toBe(0);
    expect(await page.getByText('hidden').count()).toBe(0);
    await guard.expectClean();
  });

  it('keeps the others hidden from a rater who has not finished', async () => {
    const page = await newPage();
    await page.goto('/');
    await openScreen(page, 'Library');
    const unfinished = {
      ...zhang,
      answers: Object.fromEntries(Object.entries(zhang.answers).slice(0, 5)),
    };
    const file = writeTemp(
      'blind.json',
      new TextEncoder().encode(serializeBundle([founder, unfinished], 'now')),
    );
    await page.locator('#import-files').setInputFiles(file);
    await openScreen(page, 'Deals');
    await page.getByRole('button', { name: example.company.name }).click();
    await page.getByLabel('I am').selectOption('zhang');
    expect(await page.getByTestId('blind-note').innerText()).toContain('5 of 12');
    expect(await page.getByTestId('deal-overall').count()).toBe(0);
    const founderColumn = await page.getByTestId('deal-criterion').first().innerText();
    expect(founderColumn).toContain('hidden');
    // The choice is remembered for this deal.
    await page.reload();
    await openScreen(page, 'Deals');
    await page.getByRole('button', { name: example.company.name }).click();
    expect(await page.getByTestId('blind-note').count()).toBe(1);
  });
});
