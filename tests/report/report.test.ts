import { describe, expect, it } from 'vitest';
import { readFontFile } from '../../src/cli/cli-io';
import { listCriteria } from '../../src/core/rubric-index';
import type { Assessment } from '../../src/core/schema';
import type { Lang } from '../../src/core/vocabulary';
import { scoreAssessmentFile } from '../../src/core/score-assessment-file';
import { formatScore } from '../../src/i18n/t';
import { createReport } from '../../src/report/create-report';
import type { Paper } from '../../src/report/pdf-writer';
import { loadExample } from '../helpers/fixtures';
import { pdfInfo, pdfText, qpdfCheck, squeeze, writeTemp } from './pdf-tools';

const example = loadExample;

const NOW = new Date('2026-11-29T10:00:00Z');
const make = (assessment: Assessment, lang: Lang, paper: Paper = 'a4') =>
  createReport({ assessment, lang, paper, readFont: readFontFile, now: NOW });

describe.each(['en', 'zh'] as const)('the %s report', (lang) => {
  it('is a valid PDF whose text holds the company, every criterion and the score as shown on screen', async () => {
    const assessment = example();
    const report = await make(assessment, lang);
    const path = writeTemp(report.fileName, report.bytes);
    expect(qpdfCheck(path)).toMatchObject({ ok: true });
    const text = squeeze(pdfText(path));
    expect(text).toContain(squeeze(assessment.company.name));
    for (const { criterion } of listCriteria(assessment.rubric))
      expect(text).toContain(squeeze(criterion.name[lang]));
    const results = scoreAssessmentFile(assessment);
    expect(text).toContain(formatScore(results.overall!));
    expect(text).toContain(squeeze(results.verdict!.band.label[lang]));
    expect(report.missing).toEqual([]);
  });

  it('numbers its pages, says it is confidential on each, and carries metadata', async () => {
    const report = await make(example(), lang);
    const path = writeTemp('r.pdf', report.bytes);
    const info = pdfInfo(path);
    expect(Number(info.Pages)).toBe(report.pages);
    expect(report.pages).toBeGreaterThanOrEqual(6);
    const pages = pdfText(path)
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(report.pages);
    pages.forEach((page, i) => {
      const label =
        lang === 'en' ? `Page ${i + 1} of ${report.pages}` : `第${i + 1}页，共${report.pages}页`;
      expect(squeeze(page)).toContain(squeeze(label));
      expect(squeeze(page)).toContain(lang === 'en' ? 'Confidential.' : '机密文件');
    });
    expect(info.Title).toContain('DeepLake AI');
    expect(info.Author).toBe('Li Wei 李伟');
    expect(info.Creator).toBe('Moatscore');
    expect(info.Subject).not.toBe('');
  });
});

describe('paper sizes', () => {
  it('is A4 by default and US Letter on request', async () => {
    const a4 = pdfInfo(writeTemp('a4.pdf', (await make(example(), 'en', 'a4')).bytes));
    const letter = pdfInfo(writeTemp('l.pdf', (await make(example(), 'en', 'letter')).bytes));
    expect(a4['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
    expect(letter['Page size']).toMatch(/^612 x 792 pts \(letter\)/);
  });
});

describe('hostile text', () => {
  const hostile = (): Assessment => {
    const a = example();
    return {
      ...a,
      company: {
        name: '<script>alert(1)</script> \u202eevil\u202c 🚀 Ωmega/深湖',
        stage: 'seed',
        sector: '\u0000\u0007tab\there',
      },
      evaluator: { name: 'Zoë Łukasiewicz-Øster', role: 'investor' },
      answers: {
        ...a.answers,
        'market.demand': {
          value: 4,
          evidence: 'verified',
          notes: `體驗 ${'Long note with no end in sight. '.repeat(160).slice(0, 5000)}`,
          facts: [],
        },
        'market.team': { value: 3, evidence: 'assumed', notes: 'x'.repeat(5000), facts: [] },
      },
    };
  };

  it.each(['en', 'zh'] as const)(
    'stays valid in %s, reports what it could not draw, and shows a placeholder',
    async (lang) => {
      const report = await make(hostile(), lang);
      const path = writeTemp('hostile.pdf', report.bytes);
      expect(qpdfCheck(path)).toMatchObject({ ok: true });
      const text = pdfText(path);
      expect(squeeze(text)).toContain('<script>alert(1)</script>');
      expect(text).not.toContain('\u202e');
      expect(report.missing).toContain('🚀');
      expect(report.missing).toContain('體');
      expect(text).toContain('□');
      // Latin letters beyond ASCII come from Noto Sans in both languages.
      expect(squeeze(text)).toContain('ZoëŁukasiewicz-Øster');
    },
  );

  it('has an empty company name and still makes a valid report and file name', async () => {
    const a = { ...example(), company: { name: '', stage: 'idea' as const, sector: '' } };
    const report = await make(a, 'en');
    expect(qpdfCheck(writeTemp('empty.pdf', report.bytes)).ok).toBe(true);
    expect(report.fileName).toBe('moatscore-assessment-2026-11-29.pdf');
  });
});
