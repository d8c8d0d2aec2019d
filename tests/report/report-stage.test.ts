import { describe, expect, it } from 'vitest';
import { readFontFile } from '../../src/cli/cli-io';
import type { Assessment } from '../../src/core/schema';
import type { Lang } from '../../src/core/vocabulary';
import { createReport } from '../../src/report/create-report';
import { answers, loadExample, makeAssessment } from '../helpers/fixtures';
import { stagedRubric } from '../helpers/staged-rubric';
import { pdfText, qpdfCheck, squeeze, writeTemp } from './pdf-tools';

const NOW = new Date('2026-11-29T10:00:00Z');

/** The report's text as pdftotext reads it, whitespace removed (tables break lines anywhere). */
async function reportText(assessment: Assessment, lang: Lang): Promise<string> {
  const report = await createReport({
    assessment,
    lang,
    paper: 'a4',
    readFont: readFontFile,
    now: NOW,
  });
  const path = writeTemp('stage.pdf', report.bytes);
  expect(qpdfCheck(path).ok).toBe(true);
  expect(report.missing).toEqual([]);
  return squeeze(pdfText(path));
}

/*
 * stagedRubric() at seed (tests/core/stage-expectation.test.ts): answers x 4 · y 3 ·
 * z 2 · p 5 · q 1 give T 63.9, bar 46.9 and reading 59.2 on the line 40 ("Mid");
 * x, y, p one level ahead, z at, q one behind. "ip" answered "no" caps at Low;
 * "runway" is open. x has its level 1 facts and one of level 2 ticked.
 */
const staged = () =>
  makeAssessment(
    stagedRubric(),
    {
      ...answers({
        'alpha.y': [3, 'estimated'],
        'alpha.z': [2, 'verified'],
        'beta.p': [5, 'verified'],
        'beta.q': [1, 'assumed', 'q note'],
      }),
      'alpha.x': { value: 4, evidence: 'assumed', notes: 'x note', facts: ['x1a', 'x1b', 'x2a'] },
    },
    { dealBreakers: { ip: 'no' } },
  );

describe('the PDF report against the stage, with deal-breakers and ticked facts', () => {
  it('in English: the stage reading, the capped verdict, each standing, the deal-breakers and the facts', async () => {
    const text = await reportText(staged(), 'en');
    expect(text).toContain(squeeze('Verdict against Seed: Low (capped by a deal-breaker)'));
    expect(text).toContain(squeeze('Against Seed: stage bar 46.9, stage reading 59.2'));
    expect(text).toContain(squeeze('The bar counts as 40.0, where “Mid” begins'));
    expect(text).toContain(squeeze('3 criteria ahead of the stage, 1 at it, 1 behind it.'));
    expect(text).toContain(
      squeeze('Provisional until the deal-breaker questions are answered (1 open).'),
    );
    expect(text).toContain(
      squeeze('! Is all IP assigned to the company? Answered “no”: caps the verdict at “Low”.'),
    );
    expect(text).toContain(squeeze('Unassigned IP.'));
    expect(text).toContain(
      squeeze('Not answered yet (the verdict is provisional) • Is runway under 3 months?'),
    );
    // The section tables: a stage column, then notes and ticked facts under each answer.
    expect(text).toContain(squeeze('Against Seed'));
    expect(text).toContain(squeeze('Ahead +1 (expects 3)'));
    expect(text).toContain(squeeze('At (expects 2)'));
    expect(text).toContain(squeeze('Behind −1 (expects 2)'));
    expect(text).toContain(squeeze('Notes: x note Facts ticked: fact x1a; fact x1b; fact x2a'));
    expect(text).toContain(squeeze('Notes: q note'));
  });

  it('in Chinese, with Chinese punctuation', async () => {
    const text = await reportText(staged(), 'zh');
    expect(text).toContain(squeeze('对照种子轮的结论：低（因一票否决项被限定）'));
    expect(text).toContain(squeeze('对照种子轮：阶段基准 46.9，阶段读数 59.2'));
    expect(text).toContain(squeeze('领先本阶段 3 项，持平 1 项，落后 1 项。'));
    expect(text).toContain(squeeze('一票否决项'));
    expect(text).toContain(squeeze('知识产权是否已全部归属公司？回答“否”：结论最高为“低”。'));
    expect(text).toContain(squeeze('知识产权未归属公司。'));
    expect(text).toContain(squeeze('领先 1 级（预期第 3 级）'));
    expect(text).toContain(squeeze('落后 1 级（预期第 2 级）'));
    expect(text).toContain(squeeze('已勾选事实：事实 x1a；事实 x1b；事实 x2a'));
  });

  it('for the example: its seed reading as docs/scoring.md works it out, and no walk-away answer', async () => {
    // T 48.25 (shown 48.3), bar 40.25 (40.3), reading 60 + 40 · 8 / 59.75 = 65.4: "Meets the stage's bar".
    const text = await reportText(loadExample(), 'en');
    expect(text).toContain(squeeze("Verdict against Seed: Meets the stage's bar"));
    expect(text).toContain(squeeze('stage bar 40.3, stage reading 65.4'));
    expect(text).toContain(squeeze('5 criteria ahead of the stage, 5 at it, 2 behind it.'));
    expect(text).toContain(squeeze('None of the 6 questions is answered the walk-away way.'));
    expect(text).not.toContain(squeeze('Provisional'));
  });
});
