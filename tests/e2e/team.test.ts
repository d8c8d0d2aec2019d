import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateDeal } from '../../src/core/aggregate-deal';
import { serializeBundle } from '../../src/core/import-file';
import type { Assessment } from '../../src/core/schema';
import { repoPath } from '../helpers/fixtures';
import { writeTemp } from '../report/pdf-tools';
import {
  closeAll,
  expectNoAxeViolations,
  newContext,
  screenshot,
  watchPage,
  openScreen,
} from './harness';
import { createTeamServer, type TeamServer } from './harness/team-server';

/**
 * Team mode as a fund uses it: the server `npm run server` runs, and each
 * person in a browser context of their own (own storage, own cookies).
 */

afterAll(closeAll);

const PASSWORD = 'a long shared secret';
const example = JSON.parse(
  readFileSync(repoPath('examples/deeplake-ai.json'), 'utf8'),
) as Assessment;

/** A rater of the example company, with some answers moved by `shift` levels. */
function rater(
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
  return { ...example, id: randomUUID(), evaluator: { name, role }, answers };
}

let server: TeamServer;
beforeAll(async () => {
  server = await createTeamServer();
});
afterAll(async () => {
  await server?.dispose();
});

async function person(): Promise<Page> {
  const context = await newContext({ contextOptions: { baseURL: server.url } });
  return context.newPage();
}

/** Opens an invitation link and joins; resolves once the header shows who is signed in. */
async function join(page: Page, link: string, username: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('heading', { name: 'Join your team' }).waitFor();
  await page.getByLabel('Choose a username').fill(username);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByLabel('Type the password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Join the team' }).click();
  await page.getByRole('button', { name: new RegExp(`^${username}`) }).waitFor();
}

/** An owner's invitation, made on the Team page; resolves with the link it shows. */
async function invite(owner: Page, role: 'partner' | 'founder', deal?: string): Promise<string> {
  const link = owner.getByTestId('invitation-link').getByRole('textbox');
  const before = (await link.count()) > 0 ? await link.inputValue() : null;
  await owner.getByLabel('Role').selectOption(role);
  if (deal !== undefined) await owner.getByLabel('Deal key').fill(deal);
  await owner.getByRole('button', { name: 'Create invitation link' }).click();
  // The new link replaces the one shown before.
  await expect
    .poll(async () => ((await link.count()) > 0 ? link.inputValue() : before))
    .not.toBe(before);
  return link.inputValue();
}

async function openAccountMenu(page: Page, username: string) {
  await page.getByRole('button', { name: new RegExp(`^${username}`) }).click();
}

/** Imports `assessment` into the library, opens it, and sends it to the team. */
async function importAndSend(page: Page, assessment: Assessment): Promise<void> {
  await openScreen(page, 'Library');
  const file = writeTemp(
    `${assessment.id}.json`,
    new TextEncoder().encode(serializeBundle([assessment], 'now')),
  );
  await page.locator('#import-files').setInputFiles(file);
  await page.getByRole('button', { name: `Open ${assessment.company.name}` }).click();
  const panel = page.getByTestId('team-panel');
  await panel.getByRole('button', { name: 'Send to the team' }).click();
  await panel.getByText('Saved on the team server').waitFor();
}

async function submit(page: Page): Promise<void> {
  const panel = page.getByTestId('team-panel');
  await panel.getByRole('button', { name: 'Submit to the team' }).click();
  await panel.getByRole('button', { name: 'Submit', exact: true }).click();
  await panel.getByText(/^Submitted on /).waitFor();
}

async function openDeal(page: Page): Promise<void> {
  await openScreen(page, 'Deals');
  await page.getByRole('button', { name: example.company.name }).click();
  await page.getByTestId('deal-team-status').waitFor();
}

/** The raters the deal view lists (names as the assessments give them). */
function raterNames(page: Page) {
  return page.locator('section[aria-labelledby=raters-title]').innerText();
}

describe('a fund on its own server', () => {
  it('an owner invites two partners and a founder; blind scoring holds until each submits; then both see agreement and disagreements, live', async () => {
    await server.stop();
    const ownerLink = await server.invite('owner');
    await server.start();

    const owner = await person();
    const guard = await watchPage(owner, { origin: server.url });
    await join(owner, ownerLink, 'olivia');
    await openAccountMenu(owner, 'olivia');
    await owner.getByRole('button', { name: 'Team', exact: true }).click();
    const zhangLink = await invite(owner, 'partner');
    const wangLink = await invite(owner, 'partner');
    const founderLink = await invite(owner, 'founder', example.deal);
    expect(new Set([zhangLink, wangLink, founderLink]).size).toBe(3);
    for (const link of [zhangLink, wangLink, founderLink])
      expect(link.startsWith(`${server.url}/#invite=`)).toBe(true);
    await expectNoAxeViolations(owner, 'team page');
    await screenshot(owner, 'team-page-en-1280');

    const founderPage = await person();
    const zhangPage = await person();
    const wangPage = await person();
    await join(founderPage, founderLink, 'li-wei');
    await join(zhangPage, zhangLink, 'zhang');
    await join(wangPage, wangLink, 'wang');

    const founders = rater('Li Wei', 'founder', { 'market.demand': 1 });
    const zhangs = rater('Zhang Min', 'investor', {
      'market.demand': -2,
      'differentiation.data': -1,
    });
    const wangs = rater('Wang Fang', 'investor', { 'differentiation.data': 1 });

    // The founder submits their self-assessment.
    await importAndSend(founderPage, founders);
    await submit(founderPage);

    // Partner A submits, and sees the founder's work but not partner B's draft.
    await importAndSend(wangPage, wangs);
    await importAndSend(zhangPage, zhangs);
    await openDeal(zhangPage);
    expect(await zhangPage.getByTestId('deal-team-status').innerText()).toContain(
      'your teammates’ assessments appear here once you submit your own',
    );
    expect(await raterNames(zhangPage)).not.toContain('Li Wei');
    await zhangPage.getByRole('button', { name: 'Back to the pipeline' }).click();
    await openScreen(zhangPage, 'Library');
    await zhangPage.getByRole('button', { name: `Open ${example.company.name}` }).click();
    await submit(zhangPage);
    await openDeal(zhangPage);
    await expect.poll(() => raterNames(zhangPage)).toContain('Li Wei');
    expect(await raterNames(zhangPage)).not.toContain('Wang Fang');
    expect(await zhangPage.getByTestId('deal-team-status').innerText()).toContain(
      '3 raters, 2 submitted',
    );

    // Partner B submits: it reaches A's open deal view without a reload.
    await submit(wangPage);
    await expect.poll(() => raterNames(zhangPage)).toContain('Wang Fang');
    expect(await zhangPage.getByTestId('deal-team-status').innerText()).toContain(
      '3 raters, 3 submitted',
    );

    const deal = aggregateDeal([founders, zhangs, wangs]);
    if (!deal.ok) throw new Error(deal.problem.code);
    const expected = deal.value.disagreements.map(
      (id) => deal.value.criteria.find((c) => c.id === id)!.name.en,
    );
    expect(expected.length).toBeGreaterThan(0);
    for (const page of [zhangPage, wangPage]) {
      if (page === wangPage) await openDeal(wangPage);
      await expect.poll(() => raterNames(page)).toContain('Zhang Min');
      const flagged = await page.locator('tr.disagree th').allInnerTexts();
      expect(flagged.map((t) => t.split('\n')[0]!.split(' · ')[0])).toEqual(expected);
      expect(await page.getByTestId('deal-alpha').innerText()).toContain(
        deal.value.alpha!.toFixed(2),
      );
    }
    await expectNoAxeViolations(zhangPage, 'team deal view');
    await screenshot(zhangPage, 'team-deal-en-1280');

    // The founder sees their own work only.
    await openScreen(founderPage, 'Library');
    await expect.poll(() => founderPage.getByTestId('library-row').count()).toBe(1);
    await guard.expectClean();
  });
});
