import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, problem } from '../../src/core/problems';
import en from '../../src/i18n/problems.en.json';
import zh from '../../src/i18n/problems.zh.json';
import { moreProblems, problemLine, problemText } from '../../src/i18n/problem-text';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('problem wording', () => {
  it('words every problem code in both languages, and nothing else', () => {
    const codes = [...PROBLEM_CODES].sort();
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

  it('counts the problems left out in each language’s way of writing numbers', () => {
    expect(moreProblems(99_980, 'en')).toBe('and 99,980 more');
    expect(moreProblems(99_980, 'zh')).toBe('另有 99,980 条');
  });
});
