import { afterAll, describe, expect, it } from 'vitest';
import { loadRubric } from '../helpers/fixtures';
import {
  closeAll,
  expectNoAxeViolations,
  newPage,
  screenshot,
  watchPage,
  savedDrafts,
  storedLibrary,
  openScreen,
} from './harness';

afterAll(closeAll);

const investorDemandWeight = loadRubric('rubrics/ai-startup-investor.json').sections[0]!
  .criteria[0]!.weight;

describe('investors', () => {
  it('clone a preset into a custom rubric, reweight it, and use it for a new assessment', async () => {
    const page = await newPage({ width: 1280 });
    const guard = await watchPage(page);
    await page.goto('/');
    await openScreen(page, 'Rubrics');
    await page.getByRole('button', { name: 'Clone Investor due diligence' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit rubric' }).waitFor();
    await expectNoAxeViolations(page, 'rubric editor');

    await page.getByRole('textbox', { name: 'Name English' }).first().fill('Fund II deal screen');
    await page.getByRole('textbox', { name: 'Name 中文' }).first().fill('二期基金筛选表');
    const market = page.getByTestId('section-market');
    const demand = market.getByLabel('Market demand weight');
    await demand.fill('40');
    // The preset's market weights sum to 100; demand's moves from its own weight to 40.
    const sum = 100 - investorDemandWeight + 40;
    await expect
      .poll(() => market.getByTestId('weight-sum').first().innerText())
      .toContain(`${sum} / 100`);
    expect(await page.getByRole('button', { name: 'Save rubric' }).isDisabled()).toBe(true);
    await market.getByRole('button', { name: 'Normalise to 100' }).first().click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Save rubric' }).isDisabled())
      .toBe(false);
    await screenshot(page, 'rubric-editor-en-1280');

    // A level's measured-evidence threshold, open for editing.
    const algorithms = page.getByTestId('criterion-algorithms');
    await algorithms.getByText('Algorithm optimization').click();
    const levelFour = algorithms.getByRole('group', { name: /^Level 4 / });
    expect(
      await levelFour.getByLabel('Gain over the baseline, at least (points)').inputValue(),
    ).toBe('5');
    await expectNoAxeViolations(page, 'rubric editor, evidence thresholds');
    await levelFour.scrollIntoViewIfNeeded();
    await screenshot(page, 'rubric-editor-thresholds-en-1280', { fullPage: false });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('button', { name: '中文' }).click();
    // Every level has the box; the fourth is level 4's.
    const levelFourZh = algorithms.getByText('可测量的证据').nth(3);
    await levelFourZh.waitFor();
    await expectNoAxeViolations(page, 'rubric editor, evidence thresholds, zh, 375 px');
    await levelFourZh.scrollIntoViewIfNeeded();
    await screenshot(page, 'rubric-editor-thresholds-zh-375', { fullPage: false });
    await page.getByRole('button', { name: 'English' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Save rubric' }).click();
    await page.getByTestId('custom-rubric').waitFor();
    expect(await page.getByTestId('custom-rubric').innerText()).toContain('Fund II deal screen');

    await page.getByRole('button', { name: 'New assessment', exact: true }).click();
    await page.locator('#companyName').fill('Custom Co');
    await page.locator('#evaluatorName').fill('Partner Zhang');
    await page.getByRole('radio', { name: /Fund II deal screen/ }).check();
    await page.locator('form button[type=submit]').click();
    await page.locator('.wizard-step').waitFor();
    const [draft] = await savedDrafts(page);
    const rubric = (
      draft?.assessment as {
        rubric: {
          name: { en: string };
          sections: { criteria: { id: string; weight: number }[] }[];
        };
      }
    ).rubric;
    expect(rubric.name.en).toBe('Fund II deal screen');
    // 40 of the new sum after normalising: the assessment keeps the weights it was made with.
    expect(rubric.sections[0]!.criteria[0]!.weight).toBeCloseTo((100 * 40) / sum, 1);
    await guard.expectClean();
  });

  it('a share link opens in a fresh browser, shows what it holds, and imports only on confirmation', async () => {
    const sender = await newPage();
    const senderGuard = await watchPage(sender);
    await sender.goto('/');
    await sender.getByRole('button', { name: 'Open the example' }).click();
    await sender.locator('.results').waitFor();
    await sender.getByRole('button', { name: 'Create a private link' }).click();
    const link = await sender.getByRole('textbox', { name: /link/i }).inputValue();
    expect(link).toMatch(/#share=v1\./);
    expect(link).not.toContain('DeepLake');
    await senderGuard.expectClean();

    const receiver = await newPage({ locale: 'zh-CN' });
    const guard = await watchPage(receiver);
    await receiver.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await receiver.getByText('DeepLake AI 深湖智能').first().waitFor();
    expect(receiver.url()).not.toContain('#share');
    expect((await storedLibrary(receiver)).drafts).toHaveLength(0);
    await expectNoAxeViolations(receiver, 'share import, zh');
    await screenshot(receiver, 'share-import-zh-1280');
    await receiver.getByRole('button', { name: '导入', exact: true }).click();
    await receiver.locator('.library').waitFor();
    expect(await receiver.getByTestId('library-row').count()).toBe(1);

    // A damaged link imports nothing and says why.
    const damaged = link.slice(0, -6) + (link.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA');
    const third = await newPage();
    await third.goto(damaged.replace(/^https?:\/\/[^/]+/, ''));
    await third.getByRole('alert').first().waitFor();
    expect(await third.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    expect((await storedLibrary(third)).drafts).toHaveLength(0);
    await guard.expectClean();
  });
});
