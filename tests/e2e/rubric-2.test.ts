import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/canonical-json';
import { serializeBundle } from '../../src/core/import-file';
import type { Rubric } from '../../src/core/schema';
import { loadRubric, repoPath } from '../helpers/fixtures';
import { sealShare } from '../helpers/share-link-forge';
import { pdfText, qpdfCheck, squeeze } from '../report/pdf-tools';
import {
  closeAll,
  expectNoAxeViolations,
  newPage,
  screenshot,
  SCREENSHOT_DIR,
  watchPage,
  savedDrafts,
  downloadPdf,
} from './harness';

afterAll(closeAll);

const founder = JSON.parse(
  readFileSync(repoPath('rubrics/ai-startup-founder.json'), 'utf8'),
) as Rubric;
const demand = founder.sections[0]!.criteria[0]!;
const factsOf = (level: number) => demand.levels[level - 1]!.checklist!.map((f) => f.text.zh);
const question = (id: string) => founder.dealBreakers!.find((d) => d.id === id)!.question.zh;

/** Levels for steps 2–12, by the mouse: the demand step is answered through its checklist. */
const LEVELS = [2, 2, 3, 3, 3, 3, 3, 3, 2, 3, 3];

describe('rubric 2.0 in the Chinese interface', () => {
  it('ticks facts, applies the suggested level, answers the deal-breakers, and finds the stage and the cap on screen and in the PDF', async () => {
    const page = await newPage({ locale: 'zh-CN', width: 1280 });
    const guard = await watchPage(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto('/');
    await page.locator('#companyName').fill('深湖智能');
    await page.locator('#evaluatorName').fill('李伟');
    // The defaults: seed stage, the founder preset.
    await page.locator('form button[type=submit]').click();
    await page.locator('.wizard-step').waitFor();

    // Step 1, market demand: what seed expects, the checklist, and the suggested level.
    expect(await page.getByTestId('stage-expectation').innerText()).toBe(
      `种子轮的预期：第 3 级 · ${demand.levels[2]!.label.zh}`,
    );
    const suggestion = page.getByTestId('suggestion');
    expect(await suggestion.innerText()).toContain('建议等级：暂无');
    for (const fact of [...factsOf(1), ...factsOf(2)]) {
      await page.getByRole('checkbox', { name: fact, exact: true }).check();
    }
    // One fact of level 3 too: level 3 is not all ticked, so the suggestion stays at 2.
    await page.getByRole('checkbox', { name: factsOf(3)[0]!, exact: true }).check();
    await expect
      .poll(() => suggestion.innerText())
      .toContain(`建议等级：第 2 级 · ${demand.levels[1]!.label.zh}`);
    expect(await page.locator('input[name=value]:checked').count()).toBe(0);
    await expectNoAxeViolations(page, 'wizard step with checklist, zh');
    await screenshot(page, 'rubric2-step-checklist-zh-1280');
    await suggestion.getByRole('button', { name: '选择第 2 级' }).click();
    expect(await page.locator('input[name=value]:checked').getAttribute('value')).toBe('2');
    expect(await suggestion.innerText()).toContain('与你选择的等级一致');
    await page.locator('input[name=evidence]').first().check();
    await page.locator('.wizard-step button[type=submit]').click();

    for (const level of LEVELS) {
      const heading = await page.locator('h1').innerText();
      await page
        .locator('input[name=value]')
        .nth(level - 1)
        .check();
      await page.locator('input[name=evidence]').first().check();
      await page.locator('.wizard-step button[type=submit]').click();
      await expect.poll(() => page.locator('h1').innerText()).not.toBe(heading);
    }

    // The deal-breakers: the thin-wrapper question answered the walk-away way ("是").
    await page.locator('.deal-breaker-step').waitFor();
    expect(await page.locator('h1').innerText()).toBe('一票否决项');
    const answers: Record<string, '是' | '否'> = {
      'ip-assigned': '是',
      'data-rights': '否',
      'filings-route': '是',
      'runway-3-months': '否',
      'thin-wrapper': '是',
      integrity: '否',
    };
    for (const [id, answer] of Object.entries(answers)) {
      await page
        .getByRole('group', { name: question(id) })
        .getByRole('radio', { name: answer, exact: true })
        .check();
    }
    const wrapper = page.getByRole('group', { name: question('thin-wrapper') });
    await expect
      .poll(() => wrapper.innerText())
      .toContain('按此作答，结论最高为“尚不具备融资条件”。');
    await expectNoAxeViolations(page, 'deal-breaker step, zh');
    await screenshot(page, 'rubric2-deal-breakers-zh-1280');
    await page.locator('.deal-breaker-step button[type=submit]').click();

    // Review: the ticked facts and the deal-breaker answers, each with Change.
    await page.locator('.review').waitFor();
    expect(await page.locator('.summary-row').first().innerText()).toContain('已勾选事实：6 项');
    const reviewed = page.getByTestId('review-deal-breakers');
    expect(await reviewed.locator('.summary-row').count()).toBe(6);
    expect(await reviewed.getByRole('button', { name: /^修改/ }).count()).toBe(6);
    await expectNoAxeViolations(page, 'review with deal-breakers, zh');
    await screenshot(page, 'rubric2-review-zh-1280');
    await page.getByRole('button', { name: '完成并查看结果' }).click();

    // Results: the capped verdict read against seed, the stage reading and column, the flag.
    await page.locator('.results').waitFor();
    await page.locator('.radar canvas').first().waitFor();
    expect(await page.getByTestId('verdict-label').innerText()).toBe('对照种子轮的结论：');
    expect(await page.getByTestId('verdict').innerText()).toBe('尚不具备融资条件');
    expect(await page.locator('.verdict-note').innerText()).toBe('（因一票否决项被限定）');
    const flags = page.getByTestId('deal-breaker-flags');
    expect(await flags.innerText()).toContain(question('thin-wrapper'));
    expect(await page.getByTestId('stage-reading').innerText()).toMatch(/阶段读数 \d+\.\d/);
    const market = page.getByTestId('criteria-market');
    expect(await market.locator('thead th').last().innerText()).toBe('对照种子轮');
    // Demand at level 2 where seed expects 3.
    expect(await market.locator('tbody tr').first().locator('td').last().innerText()).toBe(
      '▼ 落后 1 级（预期第 3 级）',
    );
    const [draft] = await savedDrafts(page);
    const saved = draft?.assessment as {
      answers: Record<string, { facts: string[] }>;
      dealBreakers: Record<string, string>;
    };
    expect(saved.answers['market.demand']!.facts).toHaveLength(6);
    expect(saved.dealBreakers['thin-wrapper']).toBe('yes');
    await expectNoAxeViolations(page, 'results with stage and deal-breakers, zh');
    await screenshot(page, 'rubric2-results-zh-1280');

    // The PDF, in Chinese: the stage reading, the deal-breaker and the ticked facts in its text.
    const path = (await downloadPdf(page)).path;
    expect(qpdfCheck(path).ok).toBe(true);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    copyFileSync(path, join(SCREENSHOT_DIR, 'rubric2-report-zh.pdf'));
    const text = squeeze(pdfText(path));
    expect(text).toContain(squeeze('对照种子轮的结论：尚不具备融资条件（因一票否决项被限定）'));
    expect(text).toMatch(/对照种子轮：阶段基准\d+\.\d，阶段读数\d+\.\d/);
    expect(text).toContain(
      squeeze(`${question('thin-wrapper')}回答“是”：结论最高为“尚不具备融资条件”。`),
    );
    expect(text).toContain(squeeze(`已勾选事实：${factsOf(1)[0]}`));
    expect(text).toContain(squeeze('落后 1 级（预期第 3 级）'));
    // The archived 1.0.0 presets load only for what needs them (old links), never on this path.
    expect(requests.filter((path) => path.includes('1.0.0'))).toEqual([]);
    await guard.expectClean();
  });
});

describe('an assessment made with the 1.0.0 preset', () => {
  it('opens from an old share link, and is re-scored under 2.0.0 only on confirmation', async () => {
    // The link a build that shipped 1.0.0 made: the preset named by version and digest.
    const old = JSON.parse(
      readFileSync(repoPath('tests/fixtures/deeplake-ai-v2-rubric-1.0.0.json'), 'utf8'),
    ) as { rubric: unknown };
    const archived = loadRubric('rubrics/archive/ai-startup-founder-1.0.0.json');
    const file = JSON.parse(serializeBundle([], '2026-01-01T00:00:00.000Z')) as {
      assessments: unknown[];
    };
    file.assessments = [
      {
        ...old,
        rubric: {
          $preset: 'ai-startup-founder',
          version: '1.0.0',
          sha256: createHash('sha256').update(canonicalJson(archived)).digest('base64url'),
        },
      },
    ];
    const fragment = await sealShare(
      JSON.stringify({ kind: 'assessment', file: JSON.stringify(file) }),
    );

    const page = await newPage({ width: 1280 });
    const guard = await watchPage(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`/${fragment}`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // The archived preset came as its own chunk, for this link.
    expect(requests.some((path) => /ai-startup-founder-1\.0\.0-[\w-]+\.js$/.test(path))).toBe(true);
    await page.getByTestId('library-row').first().waitFor();
    await page
      .getByRole('button', { name: /^Open / })
      .first()
      .click();
    await page.locator('.results').waitFor();

    // 1.0.0 has no stage expectations: the verdict reads the plain score, and a re-score is offered.
    expect(await page.getByTestId('verdict-label').innerText()).toBe('Verdict:');
    const panel = page.getByTestId('rescore');
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Re-score under version 2.0.0' }).click();
    const table = page.getByTestId('rescore-table');
    // By hand (tests/core/rescore.test.ts): 65.0 under 1.0.0's weights, 68.5 under 2.0.0's.
    expect(await table.locator('tr.total-row').innerText()).toMatch(/65\.0\s+68\.5\s+\+3\.5/);
    await expectNoAxeViolations(page, 're-score preview, en');
    await screenshot(page, 'rubric2-rescore-preview-en-1280');
    expect(await page.getByTestId('verdict-label').innerText()).toBe('Verdict:');

    await page.getByRole('button', { name: 'Apply: re-score under version 2.0.0' }).click();
    await page.getByRole('status').filter({ hasText: 'Re-scored under version 2.0.0.' }).waitFor();
    expect(await page.getByTestId('overall-score').innerText()).toBe('68.5 / 100');
    expect(await page.getByTestId('verdict-label').innerText()).toBe('Verdict against Seed:');
    // The six deal-breakers 2.0.0 asks are a to-do, not guessed.
    expect(await page.getByTestId('open-deal-breakers').locator('li').count()).toBe(6);
    const [draft] = await savedDrafts(page);
    expect((draft?.assessment as { rubric: { version: string } }).rubric.version).toBe('2.0.0');
    await expectNoAxeViolations(page, 're-scored results, en');
    await screenshot(page, 'rubric2-rescored-en-1280');
    await guard.expectClean();
  });
});
