import type { DealView } from '../core/aggregate-deal';
import { listCriteria } from '../core/rubric-index';
import type { Assessment } from '../core/schema';
import type { Lang } from '../core/vocabulary';
import { formatScore, signed, t, LOCALES } from '../i18n/t';
import { exportFileName } from '../core/file-name';
import { BRAND, MUTED, PdfWriter, RED, type Paper, type RenderedReport } from './pdf-writer';
import { appendRubric, drawRadarPage } from './pdf-report';
import { loadReportFonts, type ReadFont } from './report-fonts';
import { dealBreakerLines } from '../i18n/deal-breaker-lines';
import { rubricAppendix } from './rubric-texts';
import { dealEvidenceRows } from './deal-evidence';
import { evidenceText } from '../i18n/evidence-text';

/** Raters beyond this many share the table but not the charts. */
const MAX_SERIES = 5;

export interface DealReportRequest {
  view: DealView;
  assessments: readonly Assessment[];
  company: string;
  lang: Lang;
  paper: Paper;
  readFont: ReadFont;
  now: Date;
}

/** The deal PDF: the aggregate, every rater's values, where they differ, and how far they agree. */
export async function createDealReport(
  request: DealReportRequest,
): Promise<RenderedReport & { fileName: string }> {
  const { view, assessments, lang, paper, readFont, now } = request;
  const tr = (key: Parameters<typeof t>[1], vars?: Parameters<typeof t>[2]) => t(lang, key, vars);
  const company = request.company.trim() === '' ? tr('report.unnamed') : request.company;
  const evidenceRows = dealEvidenceRows(view.rubric, assessments, lang);
  const userTexts = [
    company,
    ...assessments.flatMap((a) => [a.evaluator.name, a.company.sector]),
    ...evidenceRows.flat(),
  ];
  const fonts = await loadReportFonts(lang, readFont, userTexts);
  const pdf = new PdfWriter(fonts, paper, lang, now);
  const pair = (label: string, value: string) =>
    lang === 'zh' ? `${label}：${value}` : `${label}: ${value}`;
  const date = new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(now);

  pdf.write(tr('dealReport.title'), 10, { color: MUTED, gap: 1 });
  pdf.write(company, 24, { bold: true, gap: 4 });
  pdf.facts([
    [
      tr('report.rubric'),
      tr('report.rubricVersion', { name: view.rubric.name[lang], version: view.rubric.version }),
    ],
    [tr('report.date'), date],
    [tr('deal.raters'), String(view.raters.length)],
  ]);
  pdf.y += 4;
  pdf.write(tr('deal.overall'), 10, { color: MUTED, gap: 0 });
  pdf.write(`${formatScore(view.overall)}  ${tr('report.outOf')}`, 28, {
    bold: true,
    color: BRAND,
    gap: 2,
  });
  pdf.write(
    pair(
      tr('deal.alpha'),
      `${view.alpha === null ? '—' : view.alpha.toFixed(2)} (${tr(`deal.agreement.${view.agreement}`)})`,
    ),
    11,
  );
  if (view.disagreements.length > 0)
    pdf.write(tr('deals.disagreementCount', { count: view.disagreements.length }), 10, {
      color: RED,
    });
  if (view.redFlags.length > 0) {
    const names = view.redFlags.map((f) => {
      const rater = view.raters.find((r) => r.id === f.rater)?.name ?? f.rater;
      const criterion = view.criteria.find((c) => c.id === f.criterion)?.name[lang] ?? f.criterion;
      return `${rater}: ${criterion}`;
    });
    pdf.heading(tr('report.redFlags'), 12);
    pdf.bullets(names, tr('report.none'));
  }
  if (view.dealBreakers.length > 0) {
    pdf.heading(tr('results.dealBreakerFlags'), 12);
    pdf.bullets(dealBreakerLines(view, lang), tr('report.none'));
  }
  pdf.heading(tr('deals.ratersTitle', { count: view.raters.length }), 12);
  pdf.table(
    [tr('report.evaluator'), tr('deals.overall'), tr('deals.coverage')],
    view.raters.map((r) => [
      `${r.name} (${tr(`role.${r.role}`)})`,
      formatScore(r.results.overall),
      `${r.results.answeredCount}/${r.results.totalCount}`,
    ]),
    {
      columnStyles: {
        1: { halign: 'right', cellWidth: 25 },
        2: { halign: 'right', cellWidth: 25 },
      },
    },
  );

  pdf.newPage();
  pdf.heading(tr('deals.ratersOverlay'));
  const charted = view.raters.slice(0, MAX_SERIES);
  pdf.write(
    charted.map((r, i) => `${['—', '- -', '···', '-·-', '∙∙∙'][i]} ${r.name}`).join('    '),
    9,
    { color: MUTED },
  );
  const sectionRadars = view.rubric.sections.map((section) => {
    const ids = listCriteria(view.rubric)
      .filter((e) => e.section.id === section.id)
      .map((e) => e.fullId);
    const rows = view.criteria.filter((c) => ids.includes(c.id));
    return {
      title: section.name[lang],
      axes: rows.map((c) => c.name[lang]),
      series: charted.map((_, k) => rows.map((c) => c.values[k] ?? null)),
    };
  });
  drawRadarPage(pdf, sectionRadars);

  pdf.newPage();
  pdf.heading(tr('deals.criteriaTitle'));
  pdf.write(tr('deals.criteriaCaption'), 10, { color: MUTED });
  const hasFounder =
    view.raters.some((r) => r.role === 'founder') && view.raters.some((r) => r.role !== 'founder');
  pdf.table(
    [
      tr('results.criterion'),
      tr('deals.mean'),
      tr('deals.median'),
      tr('deals.range'),
      ...view.raters.map((r) => r.name),
      ...(hasFounder ? [tr('deals.founderGap')] : []),
    ],
    view.criteria.map((c) => [
      `${c.name[lang]}${c.disagreement ? tr('deals.differ', { levels: c.levelSpread }) : ''}`,
      formatScore(c.mean),
      formatScore(c.median),
      c.min === null ? '—' : `${formatScore(c.min)}–${formatScore(c.max ?? c.min)}`,
      ...c.values.map(formatScore),
      ...(hasFounder ? [signed(c.founderGap)] : []),
    ]),
    { highlight: (row) => (view.criteria[row]?.disagreement ? RED : undefined) },
  );
  if (hasFounder) pdf.write(tr('deals.founderGapHint'), 9, { color: MUTED });

  if (evidenceRows.length > 0) {
    pdf.heading(evidenceText(lang, 'summary.title'), 12);
    pdf.write(evidenceText(lang, 'summary.intro'), 9.5, { color: MUTED });
    pdf.table(
      [tr('results.criterion'), tr('report.evaluator'), tr('report.col.evidence')],
      evidenceRows,
      {
        columnStyles: { 0: { cellWidth: 38 }, 1: { cellWidth: 38 } },
      },
    );
  }

  appendRubric(pdf, rubricAppendix(view.rubric, lang), tr('report.appendix'), {
    level: tr('report.col.level'),
    descriptor: tr('report.col.descriptor'),
  });

  const rendered = pdf.finish(
    tr('report.confidential', { company }),
    (page, pages) => tr('report.page', { page, pages }),
    {
      title: `${tr('dealReport.title')}: ${company}`,
      subject: tr('report.subject', { company, rubric: view.rubric.name[lang] }),
      author: view.raters.map((r) => r.name).join(', '),
      keywords: 'Moatscore',
    },
  );
  return { ...rendered, fileName: exportFileName(`${company}-deal`, now) };
}
