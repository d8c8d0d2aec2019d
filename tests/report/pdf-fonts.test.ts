import { afterEach, describe, expect, it } from 'vitest';
import { readFontFile } from '../../src/cli/cli-io';
import { createReport } from '../../src/report/create-report';
import { useLinearGlyphTable } from '../../src/report/pdf-fonts';
import { loadExample } from '../helpers/fixtures';

const make = (lang: 'en' | 'zh') =>
  createReport({
    assessment: loadExample(),
    lang,
    paper: 'a4',
    readFont: readFontFile,
    now: new Date('2026-11-29T10:00:00Z'),
  });

afterEach(() => useLinearGlyphTable(true));

describe('the glyph-table speed-up', () => {
  it('makes the same report twice: a report is reproducible from its inputs', async () => {
    const [a, b] = [await make('en'), await make('en')];
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it.each(['en', 'zh'] as const)(
    'makes a %s report byte for byte the same as jsPDF’s own glyph table does',
    async (lang) => {
      const fast = await make(lang);
      useLinearGlyphTable(false);
      const own = await make(lang);
      expect(own.bytes.length).toBe(fast.bytes.length);
      expect(Buffer.from(own.bytes).equals(Buffer.from(fast.bytes))).toBe(true);
    },
  );
});
