import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeIo, type CliIo } from '../../src/cli/cli-io';
import { runCli } from '../../src/cli/main';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { ...nodeIo, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'moatscore-metrics-'));
function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const scores = write('scores.csv', 'label,score\n1,0.9\n0,0.5\n1,0.5\n0,0.2\n1,0.3\n0,0.7\n');
const weaker = write('weaker.csv', 'label,score\n1,0.4\n0,0.5\n1,0.5\n0,0.2\n1,0.3\n0,0.7\n');

async function json(args: string[]): Promise<Record<string, unknown>> {
  const { code, out, err } = await run(['metrics', ...args, '--json']);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as Record<string, unknown>;
}

describe('cli metrics --json', () => {
  it('prints n, accuracy, precision, recall, F1 and AUC of a score file, with the delta against a baseline', async () => {
    const r = await json([scores, '--baseline', weaker]);
    // hand-computed in tests/core/metrics/compute-metrics.test.ts: AUC 5.5/9 against 3.5/9
    expect(r).toMatchObject({
      n: 6,
      accuracy: 0.5,
      precision: 0.5,
      f1: 4 / 7,
      auc: 5.5 / 9,
      threshold: 0.5,
    });
    expect(r.recall).toBeCloseTo(2 / 3, 15);
    const delta = r.delta as Record<string, { value: number; low: number; high: number }>;
    expect(Object.keys(delta)).toEqual(['accuracy', 'precision', 'recall', 'f1', 'auc']);
    expect(delta.auc!.value).toBeCloseTo(2 / 9, 15);
    expect(delta.auc!.low).toBeLessThanOrEqual(delta.auc!.high);
    expect(r.positive).toBe('1');
    expect((r.roc as { thresholds: unknown[] }).thresholds[0]).toBeNull();
  });

  it('gives macro F1 for more than two classes, and no AUC for predicted classes', async () => {
    const r = await json([write('three.csv', 'label,prediction\na,a\nb,a\nc,c\nc,c\n')]);
    expect(r.averaging).toBe('macro');
    expect(r.f1).toBeCloseTo(5 / 9, 15);
    expect(r).not.toHaveProperty('auc');
  });

  it('gives folds as metric → {mean, sd} for a cross-validation file', async () => {
    const cv = write(
      'cv.csv',
      'fold,label,prediction\n1,a,a\n1,b,a\n2,a,a\n2,b,b\n3,a,a\n3,b,b\n3,a,a\n3,b,a\n',
    );
    const folds = (await json([cv])).folds as Record<string, { mean: number; sd: number }>;
    expect(folds.accuracy!.mean).toBe(0.75);
    expect(folds.accuracy!.sd).toBeCloseTo(0.25, 15);
  });

  it('gives BLEU for text, with --bleu REF CANDIDATE', async () => {
    const ref = write('ref.txt', 'the cat sat on the mat\nit was a sunny day today\n');
    const hyp = write('hyp.txt', 'the cat sat on the mat\nit was a sunny day today\n');
    const r = await json(['--bleu', ref, hyp, '--baseline', ref]);
    expect(r.bleu).toBeCloseTo(100, 10);
    expect(r.n).toBe(2);
    expect((r.delta as Record<string, { value: number }>).bleu!.value).toBeCloseTo(0, 10);
  });

  it('thins a long ROC curve for drawing and says how many points it had', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i % 2},${((i * 7919) % 3001) / 3001}`);
    const r = await json([write('long.csv', `label,score\n${rows.join('\n')}\n`)]);
    const roc = r.roc as { fpr: number[] };
    expect(roc.fpr.length).toBeLessThanOrEqual(1001);
    expect(r.rocPoints as number).toBeGreaterThan(1001);
    expect(roc.fpr[roc.fpr.length - 1]).toBe(1);
  });
});

describe('cli metrics, readable', () => {
  it('prints the metrics with their intervals in English', async () => {
    const { code, out } = await run(['metrics', scores, '--baseline', weaker]);
    expect(code).toBe(0);
    expect(out).toMatch(/AUC\s+0\.611 \(95 % interval \d\.\d{3}–\d\.\d{3}\)/);
    expect(out).toMatch(/against the baseline .*weaker\.csv/);
    expect(out).toMatch(/AUC\s+0\.389 → 0\.611 {2}\+22\.2 points/);
  });

  it('prints Chinese with full-width punctuation', async () => {
    const { code, out } = await run(['metrics', scores, '--lang', 'zh']);
    expect(code).toBe(0);
    expect(out).toContain('scores.csv：6 行，正类为"1"（按名称判断）');
    expect(out).toMatch(/准确率\s+0\.500（95% 区间/);
    expect(out).not.toMatch(/[\u4e00-\u9fff][:,(]/);
  });
});

describe('cli metrics exit codes', () => {
  it('exits 1 with file, line and problem for a malformed file, in English or Chinese', async () => {
    const bad = write('bad.csv', 'label,score\n1,0.9\n0,high\n');
    const en = await run(['metrics', bad]);
    expect(en.code).toBe(1);
    expect(en.err).toBe(`${bad}:3: score: the score "high" is not a number`);
    const zh = await run(['metrics', bad, '--lang', 'zh']);
    expect(zh.err).toBe(`${bad}:3: score: 分数“high”不是数字`);
    const empty = await run(['metrics', write('empty.csv', '')]);
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/empty\.csv: the file is empty/);
    const missing = await run(['metrics', write('cols.csv', 'label,pred\na,b\n')]);
    expect(missing.err).toMatch(
      /cols\.csv:1: no "prediction" or "score" column \(the header has: label, pred\)/,
    );
    const unknown = await run([
      'metrics',
      write('typo.csv', 'label,prediction\ncat,cat\ndog,dgo\n'),
    ]);
    expect(unknown.err).toMatch(
      /typo\.csv:3: prediction: the prediction "dgo" is not one of the labels/,
    );
    expect((await run(['metrics', join(dir, 'nope.csv')])).err).toMatch(/no such file/);
  });

  it('exits 2 for usage errors', async () => {
    for (const args of [
      ['metrics'],
      ['metrics', scores, scores],
      ['metrics', scores, '--threshold', 'high'],
      ['metrics', scores, '--seed', '-1'],
      ['metrics', '--bleu', scores],
      ['metrics', '--bleu', scores, scores, '--threshold', '0.3'],
      ['metrics', scores, '--lang', 'fr'],
    ]) {
      expect((await run(args)).code, args.join(' ')).toBe(2);
    }
  });
});
