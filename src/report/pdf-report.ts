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
import { appendEvidence } from './pdf-evidence';
import { drawRadar } from './radar-vector';
import type { RowInput } from 'jspdf-autotable';
import type { AnswerRow } from './answer-rows';
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
  const { verdictText } = model;
  const verdict = `${model.verdict}${verdictText.note === null ? '' : model.aside(verdictText.note)}`;
  pdf.write(model.pair(verdictText.label, verdict), 13, {
    bold: true,
    color: verdictText.note === null ? INK : RED,
    ...inBox,
  });
  if (model.verdictDescription !== null) pdf.write(model.verdictDescription, 10, inBox);
  if (verdictText.provisional !== null)
    pdf.write(verdictText.provisional, 10, { bold: true, color: RED, ...inBox });
  if (model.draftNote !== null)
    pdf.write(model.draftNote, 10, { bold: true, color: RED, ...inBox });
  if (verdictText.stageReading !== null) {
    pdf.y += 1;
    pdf.write(verdictText.stageReading, 10, inBox);
  }
  if (verdictText.stageCounts !== null)
    pdf.write(verdictText.stageCounts, 10, { color: MUTED, ...inBox });
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
  writeDealBreakers(pdf, model);

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

  // One table per section; each answer's notes and ticked facts in a full-width row under it.
  for (const section of model.sections) {
    pdf.newPage();
    pdf.heading(section.title);
    pdf.write(section.summary, 10, { color: MUTED });
    sectionTable(pdf, model, section.rows);
  }

  if (model.evidence !== null) appendEvidence(pdf, model.evidence);
  appendRubric(pdf, model.appendix, model.labels.appendix, model.columns);
  return pdf.finish(model.footer, model.pageLabel, model.meta);
}

/** Walk-away answers with why they matter, or that none was given; then the open questions. */
function writeDealBreakers(pdf: PdfWriter, model: ReportModel): void {
  const { flags, clear, open } = model.dealBreakers;
  if (flags.length === 0 && clear === null && open.length === 0) return;
  const indent = { x: MARGIN + 5, width: pdf.contentWidth - 5 };
  pdf.heading(model.labels.dealBreakers, 12);
  for (const flag of flags) {
    pdf.write(`!  ${flag.title}`, 10, { color: RED, gap: 0.5 });
    pdf.write(flag.explanation, 9, { color: MUTED, ...indent, gap: 2 });
  }
  if (clear !== null) pdf.write(clear, 10);
  if (open.length > 0) {
    pdf.write(model.labels.openDealBreakers, 10, { bold: true, gap: 1 });
    pdf.bullets(open, model.labels.none);
  }
}

/**
 * A section's answers: a row of figures per criterion (its standing against
 * the stage included), then the notes and the ticked facts across the full
 * width, where long text reads as a paragraph instead of a narrow column.
 */
function sectionTable(pdf: PdfWriter, model: ReportModel, rows: readonly AnswerRow[]): void {
  const c = model.columns;
  const body: RowInput[] = [];
  const flagged = new Set<number>();
  for (const row of rows) {
    if (row.redFlag) flagged.add(body.length);
    body.push([
      row.criterion,
      row.weight,
      row.level,
      row.percent,
      row.points,
      row.evidence,
      row.stage,
    ]);
    const detail = [
      row.notes === '' ? null : model.pair(c.notes, row.notes),
      row.facts.length === 0
        ? null
        : model.pair(model.labels.factsTicked, row.facts.join(model.separator)),
    ].filter((line) => line !== null);
    if (detail.length > 0) {
      body.push([
        { content: detail.join('\n'), colSpan: 7, styles: { fontSize: 8, textColor: MUTED } },
      ]);
    }
  }
  pdf.table([c.criterion, c.weight, c.level, c.percent, c.points, c.evidence, c.stage], body, {
    columnStyles: {
      0: { cellWidth: 32 },
      1: { cellWidth: 16, halign: 'right' },
      2: { cellWidth: 'auto' },
      3: { cellWidth: 15, halign: 'right' },
      4: { cellWidth: 16, halign: 'right' },
      5: { cellWidth: 20 },
      6: { cellWidth: 30 },
    },
    highlight: (row) => (flagged.has(row) ? RED : undefined),
  });
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
