import {
  BRAND,
  INK,
  MARGIN,
  MUTED,
  PdfWriter,
  RED,
  type Paper,
  type RenderedReport,
  type ReportFonts,
} from './pdf-writer';
import { drawRadar } from './radar-vector';
import type { ReportModel } from './report-model';

/** Lays the report model out as a PDF with jsPDF: vector charts, real (searchable) text. */
export function renderReportPdf(
  model: ReportModel,
  fonts: ReportFonts,
  paper: Paper,
  created: Date,
): RenderedReport {
  const pdf = new PdfWriter(fonts, paper, model.lang, created);
  const { doc, contentWidth } = pdf;

  // Cover: who, what, when, and the verdict.
  pdf.write(model.kicker, 10, { color: MUTED, gap: 1 });
  pdf.write(model.company, 24, { bold: true, gap: 4 });
  pdf.facts(model.facts.slice(1));
  pdf.y += 4;
  const boxTop = pdf.y;
  pdf.y += 6;
  const inBox = { x: MARGIN + 6, width: contentWidth - 12 };
  pdf.write(model.labels.overall, 10, { color: MUTED, ...inBox, gap: 0 });
  pdf.write(`${model.overall}  ${model.outOf}`, 30, { bold: true, color: BRAND, ...inBox, gap: 1 });
  pdf.write(model.range, 10, { color: MUTED, ...inBox });
  const verdict = `${model.verdict}${model.verdictNote === null ? '' : ` (${model.verdictNote})`}`;
  pdf.write(model.pair(model.labels.verdict, verdict), 13, {
    bold: true,
    color: model.verdictNote === null ? INK : RED,
    ...inBox,
  });
  if (model.verdictDescription !== null) pdf.write(model.verdictDescription, 10, inBox);
  if (model.draftNote !== null)
    pdf.write(model.draftNote, 10, { bold: true, color: RED, ...inBox });
  pdf.y += 3;
  doc.setDrawColor('#c9d0d8');
  doc.setLineWidth(0.3);
  doc.roundedRect(MARGIN, boxTop, contentWidth, pdf.y - boxTop, 2, 2, 'S');
  pdf.y += 6;
  pdf.heading(model.labels.sectionScores, 12);
  for (const [name, score] of model.sectionScores) pdf.write(model.pair(name, score), 11);
  if (model.robustness !== '') {
    pdf.y += 2;
    pdf.write(model.robustness, 10, { color: MUTED });
  }
  if (model.redFlags.length > 0) {
    pdf.heading(model.labels.redFlags, 12);
    for (const flag of model.redFlags) pdf.write(`!  ${flag}`, 10, { color: RED });
  }

  // Charts: the two sections side by side, then all criteria.
  pdf.newPage();
  pdf.heading(model.labels.charts);
  drawRadarPage(
    pdf,
    model.radars.map((r) => ({ ...r, series: [r.values] })),
  );

  // Findings.
  pdf.newPage();
  pdf.heading(model.labels.levers);
  if (model.levers.length === 0) pdf.write(model.labels.none, 10, { color: MUTED });
  model.levers.forEach((lever, i) => {
    pdf.write(`${i + 1}. ${lever.title}`, 11, { bold: true, gap: 0.5 });
    pdf.write(lever.action, 10, { x: MARGIN + 5, width: contentWidth - 5, gap: 3 });
  });
  pdf.heading(model.labels.strengths, 12);
  pdf.bullets(model.strengths, model.nothingStandsOut ?? model.labels.none);
  pdf.heading(model.labels.weaknesses, 12);
  pdf.bullets(model.weaknesses, model.nothingStandsOut ?? model.labels.none);
  pdf.heading(model.labels.toVerify, 12);
  pdf.bullets(model.toVerify, model.labels.none);

  // One table per section.
  const c = model.columns;
  for (const section of model.sections) {
    pdf.newPage();
    pdf.heading(section.title);
    pdf.write(section.summary, 10, { color: MUTED });
    pdf.table(
      [c.criterion, c.weight, c.level, c.percent, c.points, c.evidence, c.notes],
      section.rows.map((row) => [
        row.criterion,
        row.weight,
        row.level,
        row.percent,
        row.points,
        row.evidence,
        row.notes,
      ]),
      {
        columnStyles: {
          0: { cellWidth: 27 },
          1: { cellWidth: 13, halign: 'right' },
          2: { cellWidth: 30 },
          3: { cellWidth: 13, halign: 'right' },
          4: { cellWidth: 14, halign: 'right' },
          5: { cellWidth: 17 },
          6: { cellWidth: 'auto' },
        },
        highlight: (row) => (section.rows[row]?.redFlag ? RED : undefined),
      },
    );
  }

  appendRubric(pdf, model.appendix, model.labels.appendix, model.columns);
  return pdf.finish(model.footer, model.pageLabel, model.meta);
}

export interface RadarPageEntry {
  title: string;
  axes: string[];
  /** One list of percents per series (raters), each with a value per axis. */
  series: (number | null)[][];
}

/** The first two radars side by side, a third one large below them. */
export function drawRadarPage(pdf: PdfWriter, radars: readonly RadarPageEntry[]): void {
  const { contentWidth } = pdf;
  const [first, second, all] = radars;
  const half = contentWidth / 2;
  const small = Math.min(half / 2 - 16, 30);
  pdf.ensure(2 * small + 40);
  const titleY = pdf.y;
  for (const [i, radar] of [first, second].entries()) {
    if (radar === undefined) continue;
    pdf.y = titleY;
    pdf.write(radar.title, 11, { bold: true, x: MARGIN + i * half, width: half - 4 });
    drawRadar(pdf.doc, pdf.glyphs, {
      cx: MARGIN + i * half + half / 2,
      cy: titleY + 14 + small,
      radius: small,
      axes: radar.axes,
      series: radar.series,
      labelSize: 8,
    });
  }
  pdf.y = titleY + 14 + 2 * small + 18;
  if (all !== undefined) {
    const big = Math.min(contentWidth / 2 - 30, 48);
    pdf.ensure(2 * big + 40);
    pdf.write(all.title, 11, { bold: true });
    drawRadar(pdf.doc, pdf.glyphs, {
      cx: MARGIN + contentWidth / 2,
      cy: pdf.y + 12 + big,
      radius: big,
      axes: all.axes,
      series: all.series,
      labelSize: 8,
    });
    pdf.y += 2 * big + 30;
  }
}

/** Appendix: the rubric's level descriptors, so the scores can be read without the app. */
export function appendRubric(
  pdf: PdfWriter,
  appendix: ReportModel['appendix'],
  title: string,
  columns: { level: string; descriptor: string },
): void {
  pdf.newPage();
  pdf.heading(title);
  for (const entry of appendix) {
    pdf.ensure(30);
    pdf.write(entry.criterion, 11, { bold: true, gap: 1 });
    pdf.table(
      [columns.level, columns.descriptor],
      entry.levels.map(([label, descriptor]) => [label, descriptor]),
      { columnStyles: { 0: { cellWidth: 38 } } },
    );
    pdf.y -= 1;
  }
}
