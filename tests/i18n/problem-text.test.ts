import { describe, expect, it } from 'vitest';
import { METRICS_PROBLEM_CODES } from '../../src/core/metrics/metrics-problem-codes';
import { PROBLEM_CODES, problem } from '../../src/core/problems';
import en from '../../src/i18n/problems.en.json';
import zh from '../../src/i18n/problems.zh.json';
import { moreProblems, problemLine, problemText } from '../../src/i18n/problem-text';
import { computeMetrics } from '../../src/core/metrics/compute-metrics';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('problem wording', () => {
  it('words every problem code in both languages, and nothing else', () => {
    const codes = [...PROBLEM_CODES, ...METRICS_PROBLEM_CODES].sort();
    expect(Object.keys(en.codes).sort()).toEqual(codes);
    expect(Object.keys(zh.codes).sort()).toEqual(codes);
  });

  it('gives both languages the same placeholders, and Chinese wording in Chinese', () => {
    const zhCodes = zh.codes as Record<string, string>;
    for (const [code, text] of Object.entries(en.codes as Record<string, string>)) {
      expect(placeholders(zhCodes[code] ?? ''), code).toEqual(placeholders(text));
      expect(zhCodes[code], code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('fills the placeholders, names the expected type in words, and leaves out a path of the whole file', () => {
    const wrongType = problem('company.name', 'value.wrongType', {
      expected: 'string',
      found: '42',
    });
    expect(problemText(wrongType, 'en')).toBe('expected text, found 42');
    expect(problemText(wrongType, 'zh')).toBe('应为文本，实际为 42');
    expect(problemLine(wrongType, 'en', 'a.json')).toBe(
      'a.json: company.name: expected text, found 42',
    );
    expect(problemLine(problem('(root)', 'file.empty'), 'en', 'b.json')).toBe(
      'b.json: the file is empty',
    );
  });

  it('places a problem in an evaluation file as file:line: column, in both languages', () => {
    const notANumber = computeMetrics({
      kind: 'table',
      file: { name: 'model.csv', text: 'label,score\n1,0.9\n0,high\n' },
    });
    if (notANumber.ok) throw new Error('expected a problem');
    const [found] = notANumber.problems;
    expect(problemLine(found!, 'en')).toBe('model.csv:3: score: the score "high" is not a number');
    expect(problemLine(found!, 'zh')).toBe('model.csv:3: score: 分数“high”不是数字');
    const noLabel = computeMetrics({
      kind: 'table',
      file: { name: 'model.csv', text: 'y,prediction\na,a\n' },
    });
    if (noLabel.ok) throw new Error('expected a problem');
    expect(problemLine(noLabel.problems[0]!, 'zh')).toBe(
      'model.csv:1: 缺少“label”列（表头为：y, prediction）',
    );
  });

  it('counts the problems left out in each language’s way of writing numbers', () => {
    expect(moreProblems(99_980, 'en')).toBe('and 99,980 more');
    expect(moreProblems(99_980, 'zh')).toBe('另有 99,980 条');
  });
});
