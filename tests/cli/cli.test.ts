import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeIo, type CliIo } from '../../src/cli/cli-io';
import { runCli } from '../../src/cli/main';
import { parseAssessment, serializeAssessment } from '../../src/core/assessment-file';
import { scoreAssessmentFile } from '../../src/core/score-assessment-file';
import { answers, loadRubric, makeAssessment, repoPath, tinyRubric } from '../helpers/fixtures';
import { pdfInfo, pdfText, qpdfCheck } from '../report/pdf-tools';

const EXAMPLE = repoPath('examples/deeplake-ai.json');

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { ...nodeIo, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'moatscore-')), name);
  writeFileSync(path, text);
  return path;
}

describe('cli score', () => {
  it('prints one JSON object per file with the fields batch users rely on', async () => {
    const tiny = tempFile(
      'tiny.json',
      serializeAssessment(
        makeAssessment(
          tinyRubric(),
          answers({ 'alpha.x': [4, 'assumed'], 'alpha.y': [1, 'verified'] }),
        ),
      ),
    );
    const { code, out } = await run(['score', EXAMPLE, tiny, '--json']);
    expect(code).toBe(0);
    const lines = out.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    for (const key of [
      'overall',
      'range',
      'weightedMean',
      'coverage',
      'complete',
      'verdict',
      'sections',
      'criteria',
      'redFlags',
      'levers',
      'strengths',
      'weaknesses',
      'stage',
      'standings',
      'dealBreakers',
      'unansweredDealBreakers',
    ]) {
      expect(lines[0]).toHaveProperty(key);
    }
    const parsed = parseAssessment(readFileSync(EXAMPLE, 'utf8'));
    if (!parsed.ok) throw new Error('example invalid');
    const results = scoreAssessmentFile(parsed.value);
    expect(lines[0]?.overall).toBe(Math.round(results.overall! * 10) / 10);
    expect(Object.keys(lines[0]?.criteria as object)).toContain('differentiation.experience');
    expect(lines[1]).toMatchObject({
      complete: false,
      redFlags: [{ id: 'alpha.y', value: 1, knockoutBelow: 2 }],
      verdict: { id: 'low', capped: true },
    });
  });

  it('prints a readable report in Chinese with --lang zh', async () => {
    const { code, out } = await run(['score', EXAMPLE, '--lang', 'zh']);
    expect(code).toBe(0);
    // Chinese punctuation in Chinese text: full-width colon and brackets, the role in Chinese.
    expect(out).toMatch(/总分：\d+\.\d（证据区间 \d+\.\d–\d+\.\d）/);
    expect(out).toMatch(/（创始人）/);
    expect(out).not.toMatch(/[\u4e00-\u9fff]: /);
    expect(out).toContain('市场需求');
    expect(out).toContain('最能提升分数的行动');
  });

  it('exits 1 naming the field when an answer is out of range, and still scores the other files', async () => {
    const file = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as {
      answers: Record<string, { value: number }>;
    };
    file.answers['market.team']!.value = 9;
    const bad = tempFile('bad.json', JSON.stringify(file));
    const { code, out, err } = await run(['score', bad, EXAMPLE, '--json']);
    expect(code).toBe(1);
    expect(err).toBe(
      `${bad}: answers.market.team.value: 9 is out of range: must be one of 1, 2, 3, 4, 5`,
    );
    expect(out.split('\n')).toHaveLength(1);
  });

  it('exits 1 for a missing file and for a file over the size cap', async () => {
    expect((await run(['score', '/nonexistent/file.json'])).err).toBe(
      '/nonexistent/file.json: no such file',
    );
    const huge = tempFile('huge.json', ' '.repeat(6 * 1024 * 1024));
    const result = await run(['score', huge]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/6\.0 MB; the limit is 5 MB/);
  });
});

describe('cli validate', () => {
  it('accepts every preset in rubrics/', async () => {
    const { code, out } = await run(['validate', repoPath('rubrics')]);
    expect(code).toBe(0);
    expect(out).toMatch(/ai-startup-founder\.json: valid \(2 sections, 12 criteria\)/);
    expect(out).toMatch(/ai-startup-investor\.json: valid/);
  });

  it('exits 1 for weights summing to 90, naming the section and the sum', async () => {
    const { code, err } = await run([
      'validate',
      repoPath('tests/fixtures/rubrics/bad-weights-90.json'),
    ]);
    expect(code).toBe(1);
    expect(err).toMatch(
      /bad-weights-90\.json: sections\[0\]\(alpha\)\.criteria: criterion weights in section "alpha" sum to 90, expected 100/,
    );
  });
});

describe('cli report', () => {
  it('writes the PDF where asked, in the chosen language and paper', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'moatscore-')), 'report.pdf');
    const { code, out: printed } = await run([
      'report',
      EXAMPLE,
      '--out',
      out,
      '--lang',
      'zh',
      '--paper',
      'letter',
    ]);
    expect(code).toBe(0);
    expect(printed).toMatch(/report\.pdf: 共 \d+ 页，\d+\.\d KB/);
    expect(qpdfCheck(out).ok).toBe(true);
    expect(pdfText(out)).toContain('市场需求');
    expect(pdfInfo(out)['Page size']).toMatch(/letter/);
  });

  it('refuses an invalid assessment with exit 1, and a missing or second file with exit 2', async () => {
    const bad = tempFile('bad.json', '{"format":"moatscore.assessment","version":1}');
    const invalid = await run(['report', bad]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/bad\.json: id: is missing/);
    expect((await run(['report'])).code).toBe(2);
    expect((await run(['report', EXAMPLE, EXAMPLE])).code).toBe(2);
    expect((await run(['report', EXAMPLE, '--paper', 'a3'])).code).toBe(2);
  });
});

describe('cli deal', () => {
  const rubric = tinyRubric();
  const rater = (id: string, role: 'founder' | 'investor', spec: Parameters<typeof answers>[0]) =>
    tempFile(
      `${id}.json`,
      serializeAssessment(
        makeAssessment(rubric, answers(spec), { id, evaluator: { name: id, role } }),
      ),
    );

  it('prints one JSON object with the aggregate, alpha, disagreements and per-criterion figures', async () => {
    const files = [
      rater('founder', 'founder', { 'alpha.x': [5, 'verified'], 'alpha.y': [3, 'verified'] }),
      rater('zhang', 'investor', { 'alpha.x': [3, 'verified'], 'alpha.y': [3, 'verified'] }),
      rater('wang', 'investor', { 'alpha.x': [2, 'verified'], 'alpha.y': [4, 'verified'] }),
    ];
    const { code, out } = await run(['deal', ...files, '--json']);
    expect(code).toBe(0);
    const deal = JSON.parse(out) as Record<string, unknown> & {
      criteria: Record<string, Record<string, unknown>>;
    };
    expect(deal).toMatchObject({ disagreements: ['alpha.x'], agreement: 'poor' });
    // Krippendorff's alpha, interval metric, units x {100, 50, 25} and y {50, 50, 75}:
    // Do = (Σ_x (50² + 75² + 25²)·2/2 + Σ_y (0 + 25² + 25²)·2/2) / 6 = (8750 + 1250) / 6 = 1666.67
    // De = Σ over all ordered pairs of the six values / (6·5) = 2·6·3333.33 / 30 = 1333.33
    // α = 1 − Do/De = 1 − 1.25 = −0.25: the raters disagree more than chance would.
    expect(deal.alpha).toBeCloseTo(-0.25, 3);
    // x: 100, 50, 25 → mean 58.3, median 50; y: 50, 50, 75 → mean 58.3
    expect(deal.criteria['alpha.x']).toMatchObject({
      mean: 58.3,
      median: 50,
      min: 25,
      max: 100,
      values: [100, 50, 25],
    });
    // Only alpha is answered, so the overall is alpha's score: (50·58.33 + 30·58.33) / 80
    expect(deal.overall).toBe(58.3);
  });

  it('refuses assessments of different rubrics, and of different companies, with exit 1', async () => {
    const tiny = rater('a', 'investor', { 'alpha.x': [3, 'verified'] });
    const preset = tempFile(
      'b.json',
      serializeAssessment(
        makeAssessment(loadRubric('rubrics/ai-startup-investor.json'), {}, { id: 'b' }),
      ),
    );
    const mixed = await run(['deal', tiny, preset]);
    expect(mixed.code).toBe(1);
    expect(mixed.err).toMatch(/one rubric/);
    const elsewhere = tempFile(
      'c.json',
      serializeAssessment(makeAssessment(rubric, {}, { id: 'c', deal: 'another-company' })),
    );
    const companies = await run(['deal', tiny, elsewhere]);
    expect(companies.code).toBe(1);
    expect(companies.err).toMatch(/different deals/);
  });

  it('prints a readable view in Chinese', async () => {
    const { code, out } = await run(['deal', EXAMPLE, '--lang', 'zh']);
    expect(code).toBe(0);
    expect(out).toContain('一致性（Krippendorff α）');
    expect(out).toContain('市场需求');
  });
});

describe('cli usage errors exit 2', () => {
  it.each([
    [[]],
    [['frobnicate']],
    [['score']],
    [['score', EXAMPLE, '--lang', 'fr']],
    [['score', EXAMPLE, '--colour']],
    [['score', '--lang']],
  ])('for %j', async (args) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).toMatch(/^moatscore: .+\n\nUsage:/);
  });
});

describe('the real command', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', repoPath('src/cli/main.ts'), ...args], {
      encoding: 'utf8',
      cwd: repoPath('.'),
    });

  it('exits with the documented codes as a process', async () => {
    expect(cli(['validate', 'rubrics/ai-startup-founder.json']).status).toBe(0);
    const invalid = cli(['validate', 'tests/fixtures/rubrics/bad-weights-90.json']);
    expect([invalid.status, invalid.stdout]).toEqual([1, '']);
    expect(invalid.stderr).toMatch(/sum to 90/);
    expect(cli(['score']).status).toBe(2);
  });

  it('prints pure JSON on stdout with npm run -s', async () => {
    const out = execFileSync(
      'npm',
      ['run', '-s', 'cli', '--', 'score', 'examples/deeplake-ai.json', '--json'],
      { encoding: 'utf8', cwd: repoPath('.') },
    );
    expect(JSON.parse(out)).toHaveProperty('overall');
  });
});
