import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/core/metrics/csv-reader';

function table(text: string) {
  const result = readCsv(text, 'f.csv');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.table;
}

function problems(text: string) {
  const result = readCsv(text, 'f.csv');
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => ({ line: p.line ?? null, code: p.code }));
}

describe('RFC 4180 CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers each record’s first line', () => {
    const t = table('label,prediction\r\n"a, b","say ""hi"""\r\n"two\nlines",x\r\nc,d\r\n');
    expect(t.header).toEqual(['label', 'prediction']);
    expect(t.columns).toEqual([
      ['a, b', 'two\nlines', 'c'],
      ['say "hi"', 'x', 'd'],
    ]);
    // Record 2 starts on line 3 and takes two lines, so record 3 starts on line 5.
    expect(Array.from(t.lines)).toEqual([2, 3, 5]);
    expect(t.rows).toBe(3);
  });

  it('drops a UTF-8 byte order mark, accepts LF and a lone CR, skips blank lines, needs no final newline', () => {
    const t = table('\ufefflabel,score\n\n1,0.5\r0,0.25\n   \n1,1');
    expect(t.header).toEqual(['label', 'score']);
    expect(t.columns[0]).toEqual(['1', '0', '1']);
    expect(Array.from(t.lines)).toEqual([3, 4, 6]);
  });

  it('keeps empty fields, and a quote inside an unquoted field as text', () => {
    const t = table('a,b,c\n,x,\n5"6,"",y\n');
    expect(t.columns).toEqual([
      ['', '5"6'],
      ['x', ''],
      ['', 'y'],
    ]);
  });

  it('reports a record with the wrong number of fields at its line', () => {
    expect(problems('label,prediction\na,b\nc\nd,e,f\n')).toEqual([
      { line: 3, code: 'metrics.fieldCount' },
      { line: 4, code: 'metrics.fieldCount' },
    ]);
  });

  it('reports an unclosed quote at the line where it opened, and text after a closing quote', () => {
    expect(problems('a,b\n1,2\n3,"never\nclosed\n')).toEqual([
      { line: 3, code: 'metrics.unterminatedQuote' },
    ]);
    expect(problems('a,b\n"x"y,2\n')).toEqual([{ line: 2, code: 'metrics.textAfterQuote' }]);
  });

  it('reports an empty file, and a file of blank lines, as empty', () => {
    expect(problems('')).toEqual([{ line: null, code: 'file.empty' }]);
    expect(problems('\ufeff\n\r\n')).toEqual([{ line: null, code: 'file.empty' }]);
  });

  it('stops listing after twenty problems and says how many more there were', () => {
    const result = readCsv(`a,b\n${'x\n'.repeat(25)}`, 'f.csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // 25 short rows: the first 20 in full, then one line counting the other 5.
    expect(result.problems).toHaveLength(21);
    expect(result.problems.slice(0, 20).map((p) => p.line)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 2),
    );
    expect(result.problems[20]).toEqual({
      path: '(root)',
      code: 'metrics.moreLikeThese',
      params: { count: 5 },
      source: 'f.csv',
    });
  });
});
