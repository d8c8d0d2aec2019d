import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreCsv } from '../helpers/evaluation-files';
import { loadRubric } from '../helpers/fixtures';
import { pdfText, qpdfCheck, squeeze } from '../report/pdf-tools';
import {
  closeAll,
  expectNoAxeViolations,
  newPage,
  savedDrafts,
  screenshot,
  SCREENSHOT_DIR,
  watchPage,
  downloadPdf,
} from './harness';

afterAll(closeAll);

/*
 * 800 held-out items, 400 positive ("1"), scored (tests/helpers/evaluation-files.ts):
 * each file puts `right` items of each class on the right side of 0.5. By
 * hand, with TP = TN = right and FP = FN = 400 − right at the threshold 0.5:
 *   precision = recall = right / 400, so F1 = right / 400;
 *   model (right 356): F1 = 0.890; baseline (right 332): F1 = 0.830;
 *   gain = 24 / 400 = 0.06, i.e. +6.0 points: at least 5 points, level 4;
 *   model AUC = (356 · 400 + 44 · 356) / 400² = 158,064 / 160,000 = 0.988.
 */
const N = 800;
const MODEL_RIGHT = 356;
const BASELINE_RIGHT = 332;
const f1 = (right: number) => right / (N / 2);
const EXPECTED_F1 = f1(MODEL_RIGHT).toFixed(3);
const EXPECTED_BASELINE_F1 = f1(BASELINE_RIGHT).toFixed(3);
const EXPECTED_GAIN = `+${(100 * (f1(MODEL_RIGHT) - f1(BASELINE_RIGHT))).toFixed(1)}`;
const EXPECTED_AUC = (158_064 / 160_000).toFixed(3);
const scores = (right: number) => Buffer.from(scoreCsv(N, right));

const TASK = 'Contract clause classification';
const HELD_OUT = 'Customer A test set';

/** Chooses a level (1-based) and "verified", and continues to the next step. */
async function answer(page: Page, level: number): Promise<void> {
  const heading = await page.locator('h1').innerText();
  await page
    .locator('input[name=value]')
    .nth(level - 1)
    .check();
  await page.locator('input[name=evidence]').first().check();
  await page.locator('.wizard-step button[type=submit]').click();
  await expect.poll(() => page.locator('h1').innerText()).not.toBe(heading);
}

describe('model evidence in the browser', () => {
  it('computes F1 and the gain from two CSVs in a worker, suggests level 4, records it on Accept, and carries it into the results and the PDF', async () => {
    const page = await newPage({ width: 1280 });
    const guard = await watchPage(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto('/');
    await page.locator('#companyName').fill('DeepLake AI');
    await page.locator('#evaluatorName').fill('Li Wei');
    await page.locator('form button[type=submit]').click();
    await page.locator('.wizard-step').waitFor();

    // Market (6 steps), then innovation and data: level 3 each.
    for (let step = 0; step < 8; step += 1) await answer(page, 3);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Algorithm optimization');
    expect(requests.filter((p) => /metrics-worker/.test(p))).toEqual([]);

    const panel = page.getByTestId('evidence-panel');
    await panel.getByRole('button', { name: 'Add model evidence' }).click();
    await page.getByLabel('Model’s predictions (CSV)').setInputFiles({
      name: 'model.csv',
      mimeType: 'text/csv',
      buffer: scores(MODEL_RIGHT),
    });
    await page.getByLabel(/Baseline’s predictions \(CSV\)/).setInputFiles({
      name: 'baseline.csv',
      mimeType: 'text/csv',
      buffer: scores(BASELINE_RIGHT),
    });
    await page.getByLabel('Task', { exact: true }).fill(TASK);
    await page.getByLabel('Held-out set', { exact: true }).fill(HELD_OUT);
    await panel.getByRole('button', { name: 'Compute the metrics' }).click();

    const card = page.getByTestId('metrics-card');
    await card.waitFor();
    // The metrics came from the worker, a file of our own origin.
    expect(requests.filter((p) => /metrics-worker.*\.js$/.test(p))).toHaveLength(1);
    const row = card.getByRole('row', { name: /^F1/ });
    expect(await row.innerText()).toContain(EXPECTED_F1);
    expect(await row.innerText()).toContain(EXPECTED_BASELINE_F1);
    expect(await row.innerText()).toContain(EXPECTED_GAIN);
    expect(await card.getByRole('row', { name: /^AUC/ }).innerText()).toContain(EXPECTED_AUC);
    expect(await page.getByTestId('evidence-level').innerText()).toContain(
      'up to level 4 · Customer-verified',
    );
    // The ROC curve, drawn by chart.js, and its points as a table.
    const roc = page.getByTestId('roc-chart');
    await roc.locator('canvas').waitFor();
    expect(await roc.locator('canvas').getAttribute('aria-label')).toContain(`AUC ${EXPECTED_AUC}`);
    await roc.getByRole('button', { name: 'Show the curve as a table' }).click();
    expect(await roc.getByRole('table').locator('tbody tr').first().innerText()).toMatch(
      /1\s+0\.000\s+0\.000/,
    );
    expect(await page.locator('input[name=value]:checked').count()).toBe(0);
    // Judged by AUC instead, the gain is (158,064 − 155,376) / 160,000 = +1.7 points: level 3.
    await page.getByLabel('Key metric', { exact: true }).selectOption('auc');
    await expect
      .poll(() => page.getByTestId('evidence-level').innerText())
      .toContain('up to level 3 · Measured gain');
    await page.getByLabel('Key metric', { exact: true }).selectOption('f1');
    await expect
      .poll(() => page.getByTestId('evidence-level').innerText())
      .toContain('up to level 4 · Customer-verified');
    await expectNoAxeViolations(page, 'evidence panel with the metrics card');
    await screenshot(page, 'evidence-card-en-1280');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'evidence-panel-en-1280.png') });

    await page
      .getByRole('button', { name: 'Accept level 4 and mark the evidence verified' })
      .click();
    await expect
      .poll(() => page.locator('input[name=value]:checked').getAttribute('value'))
      .toBe('4');
    expect(await page.locator('input[name=evidence]:checked').getAttribute('value')).toBe(
      'verified',
    );
    expect(await page.getByTestId('recorded-evidence').innerText()).toContain(
      `${TASK}: F1 ${EXPECTED_F1}`,
    );
    // Saved as a person would find it after a reload (the library writes in the background).
    const savedEvidence = async () => {
      const [draft] = await savedDrafts(page);
      const answers = (
        draft?.assessment as
          | { answers: Record<string, { modelEvidence?: { accepted: boolean; n: number }[] }> }
          | undefined
      )?.answers;
      return answers?.['differentiation.algorithms']?.modelEvidence ?? null;
    };
    await expect.poll(savedEvidence).toMatchObject([{ accepted: true, n: N }]);
    await page.locator('.wizard-step button[type=submit]').click();

    for (let step = 0; step < 3; step += 1) await answer(page, 3);
    await page.locator('.deal-breaker-step').waitFor();
    await page.locator('.deal-breaker-step button[type=submit]').click();
    await page.locator('.review').waitFor();
    expect(await page.locator('.review').innerText()).toContain(`F1 ${EXPECTED_F1}`);
    await page.getByRole('button', { name: 'Finish and see results' }).click();

    await page.locator('.results').waitFor();
    const shown = await page.getByTestId('model-evidence').innerText();
    expect(shown).toContain(`F1 ${EXPECTED_F1}`);
    expect(shown).toContain(`${EXPECTED_GAIN} points over the baseline`);
    await expectNoAxeViolations(page, 'results with model evidence');
    await page
      .getByTestId('model-evidence')
      .screenshot({ path: join(SCREENSHOT_DIR, 'evidence-results-en-1280.png') });

    const path = (await downloadPdf(page)).path;
    expect(qpdfCheck(path).ok).toBe(true);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    copyFileSync(path, join(SCREENSHOT_DIR, 'evidence-report-en.pdf'));
    const text = squeeze(pdfText(path));
    expect(text).toContain(squeeze('Appendix: model evidence'));
    expect(text).toContain(squeeze(TASK));
    expect(text).toContain(squeeze(HELD_OUT));
    // The key metric's row: "F1 *", its value, interval, the baseline's value and the gain.
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(text).toMatch(
      new RegExp(
        `F1\\*${literal(EXPECTED_F1)}\\d\\.\\d{3}–\\d\\.\\d{3}${literal(EXPECTED_BASELINE_F1)}${literal(EXPECTED_GAIN)}`,
      ),
    );
    expect(text).toContain(EXPECTED_BASELINE_F1);
    expect(text).toContain(EXPECTED_GAIN);
    expect(text).toContain(squeeze(`ROC curve (AUC ${EXPECTED_AUC})`));
    expect(text).toContain(String(N));
    await guard.expectClean();
  });

  it('scores generated text with BLEU on the technology step, in Chinese on a narrow screen', async () => {
    const page = await newPage({ locale: 'zh-CN', width: 375 });
    const guard = await watchPage(page);
    await page.goto('/');
    await page.locator('#companyName').fill('深湖智能');
    await page.locator('#evaluatorName').fill('李伟');
    await page.locator('form button[type=submit]').click();
    await page.locator('.wizard-step').waitFor();
    for (let step = 0; step < 2; step += 1) await answer(page, 3);
    await expect.poll(() => page.locator('h1').innerText()).toBe('技术成熟度');

    const panel = page.getByTestId('evidence-panel');
    await panel.getByRole('button', { name: '添加模型证据' }).click();
    await panel.getByRole('radio', { name: /生成的文本/ }).check();
    // A candidate identical to its reference: every n-gram matches and the lengths agree, BLEU 100.
    const text = Buffer.from('合同 第 3 条 约定 付款 期限\nthe parties agree to the terms\n');
    await page
      .getByLabel('参考文本')
      .setInputFiles({ name: 'ref.txt', mimeType: 'text/plain', buffer: text });
    await page
      .getByLabel('模型的输出（文本）')
      .setInputFiles({ name: 'out.txt', mimeType: 'text/plain', buffer: text });
    await page.getByLabel('任务', { exact: true }).fill('合同摘要');
    await page.getByLabel('留出集', { exact: true }).fill('客户 B 样本');
    await panel.getByRole('button', { name: '计算指标' }).click();
    const card = page.getByTestId('metrics-card');
    await card.waitFor();
    expect(await card.getByRole('row', { name: /^BLEU/ }).innerText()).toContain('100.0');
    // Technology level 2: a working prototype measured on realistic inputs; nothing above it.
    const feasible = loadRubric('rubrics/ai-startup-founder.json').sections[0]!.criteria[2]!
      .levels[1]!.label.zh;
    expect(await page.getByTestId('evidence-level').innerText()).toContain(
      `第 2 级（${feasible}）`,
    );
    await expectNoAxeViolations(page, 'evidence panel, BLEU, zh, 375 px');
    await screenshot(page, 'evidence-bleu-zh-375');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'evidence-panel-bleu-zh-375.png') });
    await page.getByRole('button', { name: '采纳第 2 级，并将证据标为已核实' }).click();
    await expect
      .poll(() => page.locator('input[name=value]:checked').getAttribute('value'))
      .toBe('2');
    expect(await page.getByTestId('recorded-evidence').innerText()).toContain(
      '合同摘要：BLEU 100.0',
    );
    await guard.expectClean();
  });
});
