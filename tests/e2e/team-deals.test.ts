import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  closeAll,
  expectNoAxeViolations,
  newContext,
  openScreen,
  screenshot,
  watchPage,
} from './harness';
import { createTeamServer, type TeamServer } from './harness/team-server';
import { answerByKeyboard, startByKeyboard } from './wizard-flow';

/**
 * In blind scoring a partner sees nobody else's work before submitting, so a
 * deal only a teammate has started would be missing from their pipeline: the
 * deals screen lists it from the server, and starts their own assessment of it.
 */

afterAll(closeAll);

const PASSWORD = 'a long shared secret';
let server: TeamServer | null = null;
afterAll(async () => {
  await server?.dispose();
});

async function partner(link: string, username: string): Promise<Page> {
  const context = await newContext({ contextOptions: { baseURL: server!.url } });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Choose a username').fill(username);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByLabel('Type the password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Join the team' }).click();
  await page.getByRole('button', { name: new RegExp(`^${username}`) }).waitFor();
  return page;
}

/** This member's own assessments' deal keys, as the server holds them. */
async function dealsOnServer(page: Page): Promise<string[]> {
  const list = await page.request.get('/api/assessments');
  if (!list.ok()) return [];
  return ((await list.json()) as { assessments: { deal: string }[] }).assessments.map(
    (a) => a.deal,
  );
}

describe('a deal only a teammate has started', () => {
  it('is listed on the deals screen, and scoring it starts an assessment of that very deal', async () => {
    server = await createTeamServer();
    const annLink = await server.invite('partner');
    const boLink = await server.invite('partner');
    await server.start();
    const ann = await partner(annLink, 'ann');
    const bo = await partner(boLink, 'bo');
    const guard = await watchPage(bo, { origin: server.url });

    // Ann starts a draft of a company; Bo, who has not submitted anything, cannot see it.
    await startByKeyboard(ann, 'Quiet Lake AI', 'Ann');
    await answerByKeyboard(ann, 3, 0, 'first look');
    await expect.poll(() => dealsOnServer(ann)).toHaveLength(1);
    const [dealKey] = await dealsOnServer(ann);

    await openScreen(bo, 'Deals');
    const listed = bo.getByTestId('server-only-deal');
    await expect.poll(() => listed.count(), { timeout: 30_000 }).toBe(1);
    expect(await listed.innerText()).toContain('Quiet Lake AI');
    expect(await listed.innerText()).toContain('0 of 1 raters submitted');
    await expectNoAxeViolations(bo, 'deals with a server-only deal');
    await screenshot(bo, 'team-server-only-deal');
    // The same list in Chinese on a phone.
    await bo.setViewportSize({ width: 375, height: 800 });
    await bo.getByRole('button', { name: '中文' }).click();
    await bo.getByRole('button', { name: '为 Quiet Lake AI 评分' }).waitFor();
    await expectNoAxeViolations(bo, 'server-only deal, zh, 375 px');
    await screenshot(bo, 'team-server-only-deal-zh-375');
    await bo.getByRole('button', { name: 'English' }).click();
    await bo.setViewportSize({ width: 1280, height: 800 });

    await listed.getByRole('button', { name: 'Score Quiet Lake AI' }).click();
    expect(await bo.getByTestId('start-for-deal').innerText()).toContain(dealKey!);
    expect(await bo.locator('#companyName').inputValue()).toBe('Quiet Lake AI');
    await bo.locator('#evaluatorName').fill('Bo');
    await bo.locator('form button[type=submit]').click();
    await bo.locator('.wizard-step').waitFor();
    await answerByKeyboard(bo, 4, 1, 'second look');
    await expect.poll(() => dealsOnServer(bo)).toEqual([dealKey]);
    await guard.expectClean();
  });
});
