import { describe, expect, it } from 'vitest';
import { readFontFile } from '../../src/cli/cli-io';
import { aggregateDeal } from '../../src/core/aggregate-deal';
import type { Assessment } from '../../src/core/schema';
import { createDealReport } from '../../src/report/deal-report';
import { signed } from '../../src/i18n/t';
import { loadExample } from '../helpers/fixtures';
import { sampleEvidence } from '../helpers/model-evidence';
import { dealEvidenceRows } from '../../src/report/deal-evidence';
import { evidenceText } from '../../src/i18n/evidence-text';
import { pdfInfo, pdfText, qpdfCheck, squeeze, writeTemp } from './pdf-tools';

const example = loadExample;
const rater = (
  id: string,
  name: string,
  role: 'founder' | 'investor',
  demand: number,
): Assessment => ({
  ...example(),
  id,
  evaluator: { name, role },
  answers: {
    ...example().answers,
    'market.demand': { value: demand, evidence: 'verified', notes: '', facts: [] },
  },
});

/** The deal's aggregate and its PDF, as the deal view's download makes them. */
async function dealPdf(raters: Assessment[], lang: 'en' | 'zh', company = 'DeepLake AI 深湖智能') {
  const deal = aggregateDeal(raters);
  if (!deal.ok) throw new Error(deal.problem.code);
  const report = await createDealReport({
    view: deal.value,
    assessments: raters,
    company,
    lang,
    paper: 'a4',
    readFont: readFontFile,
    now: new Date('2026-11-29T00:00:00Z'),
  });
  return { view: deal.value, report };
}

describe.each(['en', 'zh'] as const)('the %s deal PDF', (lang) => {
  it('holds the aggregate, each rater, the disagreement and the agreement figure', async () => {
    const raters = [
      rater('f', 'Li Wei 李伟', 'founder', 5),
      rater('z', 'Zhang Min', 'investor', 2),
      rater('w', 'Wang Fang', 'investor', 3),
    ];
    const { view, report } = await dealPdf(raters, lang);
    const path = writeTemp(report.fileName, report.bytes);
    expect(qpdfCheck(path).ok).toBe(true);
    const text = squeeze(pdfText(path));
    for (const name of ['LiWei李伟', 'ZhangMin', 'WangFang', 'DeepLakeAI深湖智能'])
      expect(text).toContain(name);
    expect(text).toContain(view.alpha!.toFixed(2));
    expect(text).toContain(squeeze(lang === 'en' ? 'differ by 3 levels' : '相差 3 级'));
    expect(Number(pdfInfo(path).Pages)).toBe(report.pages);
    expect(report.fileName).toBe('moatscore-deeplake-ai-深湖智能-deal-2026-11-29.pdf');
  });
});

describe('signed gaps', () => {
  it('shows a sign, and ± for nothing', () => {
    expect(signed(12.5)).toBe('+12.5');
    expect(signed(-3)).toBe('−3.0');
    expect(signed(0.01)).toBe('±0.0');
    expect(signed(null)).toBe('—');
  });
});

describe('deal-breakers in the deal PDF', () => {
  it.each(['en', 'zh'] as const)(
    'lists each rater’s walk-away answer with the question (%s)',
    async (lang) => {
      const raters: Assessment[] = [
        { ...rater('f', 'Li Wei 李伟', 'founder', 3), dealBreakers: { 'thin-wrapper': 'yes' } },
        { ...rater('z', 'Zhang Min', 'investor', 3), dealBreakers: { 'ip-assigned': 'yes' } },
      ];
      const { report } = await dealPdf(raters, lang);
      const text = squeeze(pdfText(writeTemp(report.fileName, report.bytes)));
      const question = example().rubric.dealBreakers!.find((d) => d.id === 'thin-wrapper')!
        .question[lang];
      expect(text).toContain(
        squeeze(
          lang === 'en' ? 'Deal-breakers answered the walk-away way' : '按否决方向作答的一票否决项',
        ),
      );
      expect(text).toContain(squeeze(`Li Wei 李伟${lang === 'en' ? ': ' : '：'}${question}`));
      // "Yes, all IP assigned" is not a walk-away answer: Zhang Min is not listed.
      expect(text).not.toContain(squeeze(`Zhang Min${lang === 'en' ? ': ' : '：'}`));
    },
  );
});

describe('model evidence in the deal PDF', () => {
  it.each(['en', 'zh'] as const)(
    'lists each rater’s evaluation under its criterion, as the deal view does (%s)',
    async (lang) => {
      const id = 'differentiation.algorithms';
      const withEvidence = (a: Assessment, task: string): Assessment => ({
        ...a,
        answers: {
          ...a.answers,
          [id]: { ...a.answers[id]!, modelEvidence: [sampleEvidence({ task })] },
        },
      });
      const raters = [
        withEvidence(rater('f', 'Li Wei 李伟', 'founder', 3), '合同条款分类'),
        withEvidence(rater('z', 'Zhang Min', 'investor', 3), 'Clause tagging re-run'),
        rater('w', 'Wang Fang', 'investor', 3),
      ];
      const { view, report } = await dealPdf(raters, lang, 'DeepLake AI');
      const path = writeTemp(`evidence-${lang}-${report.fileName}`, report.bytes);
      expect(qpdfCheck(path).ok).toBe(true);
      const text = squeeze(pdfText(path));
      expect(text).toContain(squeeze(evidenceText(lang, 'summary.title')));
      for (const rows of dealEvidenceRows(view.rubric, raters, lang)) {
        for (const cell of rows) expect(text).toContain(squeeze(cell));
      }
      expect(text).toContain('合同条款分类');
      expect(text).toContain(squeeze('Clause tagging re-run'));
      // F1 0.870 as the figure; the gain of 5.2 points over the baseline.
      expect(text).toContain('0.870');
      expect(text).toContain('5.2');
    },
  );

  it('has no evidence section when no rater recorded any', () => {
    const raters = [rater('z', 'Zhang Min', 'investor', 3)];
    const deal = aggregateDeal(raters);
    if (!deal.ok) throw new Error(deal.problem.code);
    expect(dealEvidenceRows(deal.value.rubric, raters, 'en')).toEqual([]);
  });
});
