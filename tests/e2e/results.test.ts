import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeAssessment } from '../../src/core/assessment-file';
import type { Assessment } from '../../src/core/schema';
import { repoPath } from '../helpers/fixtures';
import {
  closeAll,
  expectNoAxeViolations,
  newPage,
  screenshot,
  watchPage,
  savedDrafts,
} from './harness';

afterAll(closeAll);

/** Answers every step with the mouse: level per step, and evidence by index. */
async function completeWizard(page: Page, plan: [number, number][]): Promise<void> {
  await page.locator('#companyName').fill('Checkpoint AI');
  await page.locator('#evaluatorName').fill('Ann');
  await page.getByRole('radio', { name: /Investor due diligence/ }).check();
  await page.locator('form button[type=submit]').click();
  for (const [level, evidence] of plan) {
    const heading = await page.locator('h1').innerText();
    await page
      .locator('input[name=value]')
      .nth(level - 1)
      .check();
    await page.locator('input[name=evidence]').nth(evidence).check();
    await page.locator('.wizard-step button[type=submit]').click();
    await expect.poll(() => page.locator('h1').innerText()).not.toBe(heading);
  }
  // The deal-breaker questions come after the criteria; left open here, they stay a to-do.
  await page.locator('.deal-breaker-step button[type=submit]').click();
  await page.locator('.review .button.primary').click();
  await page.locator('.results').waitFor();
}

function cliScore(assessment: Assessment, lang: 'en' | 'zh'): Record<string, unknown> {
  const file = join(mkdtempSync(join(tmpdir(), 'moatscore-e2e-')), 'assessment.json');
  writeFileSync(file, serializeAssessment(assessment));
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', repoPath('src/cli/main.ts'), 'score', file, '--json', '--lang', lang],
    {
      cwd: repoPath('.'),
      encoding: 'utf8',
    },
  );
  return JSON.parse(out) as Record<string, unknown>;
}

describe('results', () => {
  it('match `cli score` for the same answers: score, verdict and levers', async () => {
    const page = await newPage();
    const guard = await watchPage(page);
    await page.goto('/');
    // Team strength (step 6) at level 1: a knock-out in the investor preset.
    await completeWizard(page, [
      [4, 0],
      [2, 1],
      [3, 0],
      [3, 2],
      [4, 0],
      [1, 0],
      [2, 2],
      [3, 1],
      [4, 0],
      [2, 1],
      [3, 0],
      [4, 2],
    ]);
    const [draft] = await savedDrafts(page);
    const cli = cliScore(draft?.assessment as Assessment, 'en') as {
      overall: number;
      range: [number, number];
      verdict: { label: string; capped: boolean };
      levers: { id: string; gain: number; action: string }[];
      redFlags: { id: string }[];
    };
    expect(await page.getByTestId('overall-score').innerText()).toBe(
      `${cli.overall.toFixed(1)} / 100`,
    );
    expect(await page.getByTestId('overall-range').innerText()).toContain(
      `${cli.range[0].toFixed(1)}–${cli.range[1].toFixed(1)}`,
    );
    expect(await page.getByTestId('verdict').innerText()).toBe(cli.verdict.label);
    expect(cli.verdict.capped).toBe(true);
    expect(cli.redFlags.map((f) => f.id)).toEqual(['market.team']);
    expect(await page.getByTestId('red-flags').innerText()).toContain('Team strength');
    const levers = await page.getByTestId('levers').locator('li').allInnerTexts();
    expect(levers).toHaveLength(cli.levers.length);
    cli.levers.forEach((lever, i) => {
      expect(levers[i]).toContain(`+${lever.gain.toFixed(1)} points`);
      expect(levers[i]).toContain(lever.action);
    });
    await guard.expectClean();
  });

  for (const width of [375, 1280]) {
    it(`are accessible and readable in both languages at ${width} px, with chart.js loaded only here`, async () => {
      const page = await newPage({ width });
      const guard = await watchPage(page);
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      });
      await page.goto('/');
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      expect(scripts.filter((url) => url.includes('results-screen'))).toEqual([]);

      await page.getByRole('button', { name: 'Open the example' }).click();
      await page.locator('.radar canvas').first().waitFor();
      expect(scripts.some((url) => url.includes('results-screen'))).toBe(true);
      await page.getByRole('button', { name: 'Show as a table' }).first().click();
      await expectNoAxeViolations(page, `results, en, ${width} px`);
      await screenshot(page, `results-en-${width}`);

      await page.getByRole('button', { name: '中文' }).click();
      await expect.poll(() => page.locator('h1').innerText()).toBe('评估结果');
      await expectNoAxeViolations(page, `results, zh, ${width} px`);
      await screenshot(page, `results-zh-${width}`);

      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.locator('.results > .actions').isVisible()).toBe(false);
      expect(await page.locator('.share-panel, .pdf-download').first().isVisible()).toBe(false);
      expect(await page.locator('.radar canvas').first().isVisible()).toBe(true);
      await screenshot(page, `results-print-zh-${width}`);
      await guard.expectClean();
    });
  }
});
