import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { assessmentsToCsvLong, csvCell } from '../../src/core/csv-export';
import { loadExample } from '../helpers/fixtures';

/* Regression corpus: notes a spreadsheet would run as a formula once it trims the spaces. */

const FORMULAS = [
  ' =HYPERLINK("https://evil.example","click")',
  '   +1+1',
  '\u00a0-2+3',
  '\u3000@SUM(A1:A9)',
  '\n=1+1',
  ' \t=cmd|"/c calc"!A1',
];

describe('CSV cells that start with spaces and then a formula character', () => {
  it.each(FORMULAS)('neutralises %j with a leading quote', (text) => {
    const cell = csvCell(text);
    const value = (parse(`${cell}\r\n`, { relax_quotes: true }) as string[][])[0]![0]!;
    expect(value).toBe(`'${text}`);
  });

  it('neutralises them in a real export of notes', () => {
    const example = loadExample();
    const [first] = Object.keys(example.answers);
    const notes = FORMULAS[0]!;
    const hostile = {
      ...example,
      answers: { ...example.answers, [first!]: { ...example.answers[first!]!, notes } },
    };
    const rows = parse(assessmentsToCsvLong([hostile], 'en').slice(1), {
      columns: true,
    }) as Record<string, string>[];
    const cells = rows.flatMap((row) => Object.values(row));
    expect(cells).toContain(`'${notes}`);
    expect(cells.filter((c) => /^\s*[=+\-@]/.test(c) && !/^-?\d/.test(c))).toEqual([]);
  });
});
