import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeIo, type CliIo } from '../../src/cli/cli-io';
import { runCli } from '../../src/cli/main';
import { serializeAssessment } from '../../src/core/assessment-file';
import { answers, makeAssessment, repoPath } from '../helpers/fixtures';
import { stagedRubric } from '../helpers/staged-rubric';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { ...nodeIo, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/*
 * stagedRubric() at seed (tests/core/stage-expectation.test.ts): answers x 4 · y 3 ·
 * z 2 · p 5 · q 1 give T 63.9, bar 46.9, reading 59.2 on the line 40 (Mid); x, y, p
 * one level ahead, z at, q one behind. "ip" answered "no" caps at Low; "runway" is open.
 */
function stagedFile(): string {
  const assessment = makeAssessment(
    stagedRubric(),
    answers({
      'alpha.x': [4, 'assumed'],
      'alpha.y': [3, 'estimated'],
      'alpha.z': [2, 'verified'],
      'beta.p': [5, 'verified'],
      'beta.q': [1, 'assumed'],
    }),
    { dealBreakers: { ip: 'no' } },
  );
  const path = join(mkdtempSync(join(tmpdir(), 'moatscore-')), 'staged.json');
  writeFileSync(path, serializeAssessment(assessment));
  return path;
}

describe('cli score against the stage, with deal-breakers', () => {
  it('prints the stage reading, each standing and the deal-breakers in English', async () => {
    const file = stagedFile();
    const { code, out } = await run(['score', file]);
    expect(code).toBe(0);
    const lines = out.split('\n');
    // Range by hand: assumed x and q a level, estimated y half a level, each way (q clamped at
    // its lowest): low 0.6 · 40.25 + 0.4 · 75 = 54.15, high 0.6 · 72.75 + 0.4 · 81.25 = 76.15.
    expect(lines).toContain('  Overall score: 63.9 (Evidence range 54.2–76.2)');
    expect(lines).toContain('  Verdict: Low (read against Seed; capped by a deal-breaker)');
    expect(lines.find((l) => l.startsWith('  Stage reading (Seed): 59.2 ('))).toBeDefined();
    expect(lines).toContain('    bar 46.9, read as 40.0; 3 ahead, 1 at, 1 behind');
    expect(lines).toContain('  Deal-breakers:');
    expect(lines).toContain(
      '    ! Is all IP assigned to the company? answered no: caps the verdict at Low',
    );
    expect(lines).toContain('    1 not answered: the verdict is provisional');
    expect(lines.find((l) => l.includes(' X: '))).toMatch(
      /· Ahead by 1 level \(expected: level 3\)$/,
    );
    expect(lines.find((l) => l.includes(' Z: '))).toMatch(
      /· At the expectation \(expected: level 2\)$/,
    );
    expect(lines.find((l) => l.includes(' Q: '))).toMatch(
      /· Behind by 1 level \(expected: level 2\)$/,
    );
  });

  it('prints the same in Chinese, with full-width punctuation', async () => {
    const { code, out } = await run(['score', stagedFile(), '--lang', 'zh']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines).toContain('  结论：低（对照种子轮判定；因一票否决项被限定）');
    expect(lines.find((l) => l.startsWith('  阶段读数（种子轮）：59.2（证据区间 '))).toBeDefined();
    expect(lines).toContain('    阶段基准 46.9，折算为 40.0；领先 3 项，持平 1 项，落后 1 项');
    expect(lines).toContain('  一票否决项：');
    expect(lines).toContain('    ! 知识产权是否已全部归属公司？回答“否”：结论最高为低');
    expect(lines).toContain('    1 项未回答：结论为暂定');
    expect(lines.find((l) => l.includes('项目x：'))).toMatch(/· 领先 1 级（预期第 3 级）$/);
    expect(out).not.toMatch(/[\u4e00-\u9fff][:(;]/);
  });

  it('adds the stage reading, the standings and the deal-breakers to --json', async () => {
    const { out } = await run(['score', stagedFile(), '--json']);
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(json.overall).toBe(63.9);
    expect(json.verdict).toEqual({
      id: 'low',
      label: 'Low',
      capped: true,
      uncapped: 'mid',
      basis: 'stage',
    });
    expect(json.stage).toMatchObject({
      stage: 'seed',
      bar: 46.9,
      line: 40,
      score: 59.2,
      ahead: ['alpha.x', 'alpha.y', 'beta.p'],
      at: ['alpha.z'],
      behind: ['beta.q'],
    });
    expect(json.standings).toEqual({
      'alpha.x': { standing: 'ahead', expectedLevel: 3, gap: 1 },
      'alpha.y': { standing: 'ahead', expectedLevel: 2, gap: 1 },
      'alpha.z': { standing: 'at', expectedLevel: 2, gap: 0 },
      'beta.p': { standing: 'ahead', expectedLevel: 4, gap: 1 },
      'beta.q': { standing: 'behind', expectedLevel: 2, gap: -1 },
    });
    expect(json.dealBreakers).toEqual([{ id: 'ip', answer: 'no', capBand: 'low' }]);
    expect(json.unansweredDealBreakers).toEqual(['runway']);
  });

  it('reads the example at seed as docs/scoring.md works it out', async () => {
    const { out } = await run(['score', repoPath('examples/deeplake-ai.json'), '--json']);
    const json = JSON.parse(out) as {
      stage: { bar: number; score: number };
      verdict: { id: string };
    };
    // bar 40.25 → 40.3; reading 60 + 40 · (48.25 − 40.25) / 59.75 = 65.36 → 65.4.
    expect(json.stage).toMatchObject({ bar: 40.3, score: 65.4 });
    expect(json.verdict.id).toBe('fundable');
  });
});
