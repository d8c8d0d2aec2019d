import { jsPDF } from 'jspdf';
import { autoTable, type CellHookData, type RowInput } from 'jspdf-autotable';
import { GlyphCoverage, type FontCoverage } from './glyph-coverage';
import { drawRadar } from './radar-vector';
import type { ReportModel } from './report-model';

export type Paper = 'a4' | 'letter';
export const PAPERS: readonly Paper[] = ['a4', 'letter'];

/** TrueType files, as bytes. `bold` is optional: Chinese has none (a second 2 MB font). */
export interface ReportFonts {
  regular: Uint8Array;
  bold?: Uint8Array;
  /** Tried for text the regular font cannot draw whole (Latin names in a Chinese report). */
  fallback?: Uint8Array;
}

export interface RenderedReport {
  bytes: Uint8Array;
  pages: number;
  /** Characters no embedded font has; drawn as □. */
  missing: string[];
}

const MARGIN = 18;
const FOOTER = 10;
const INK = '#1b1f24';
const MUTED = '#4a535e';
const BRAND = '#1d4e89';
const RED = '#b3261e';
const LINE = '#c9d0d8';

const binaryStrings = new WeakMap<Uint8Array, string>();

/** jsPDF takes fonts as binary strings; `apply` on 8 KB slices is ~15× faster than spreading. */
function binaryString(bytes: Uint8Array): string {
  let cached = binaryStrings.get(bytes);
  if (cached === undefined) {
    const parts: string[] = [];
    for (let i = 0; i < bytes.length; i += 0x2000) {
      parts.push(
        String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000) as unknown as number[]),
      );
    }
    cached = parts.join('');
    binaryStrings.set(bytes, cached);
  }
  return cached;
}

interface GlyphTable {
  encode: (
    glyphs: Record<number, { encode: (mapping: unknown) => ArrayLike<number> } | null>,
    ids: number[],
    mapping: unknown,
  ) => {
    table: number[];
    offsets: number[];
  };
}
const patchedGlyphTables = new WeakSet<object>();

/**
 * jsPDF 4.2's subsetter builds the glyph table with `table = table.concat(glyph)`
 * for every glyph used: quadratic, over a second for a Chinese report's
 * ~1,500 glyphs. The same output, built linearly.
 */
function linearGlyphEncoding(glyf: GlyphTable | undefined): void {
  const proto = glyf === undefined ? undefined : (Object.getPrototypeOf(glyf) as GlyphTable);
  if (proto === undefined || patchedGlyphTables.has(proto)) return;
  proto.encode = (glyphs, ids, mapping) => {
    const table: number[] = [];
    const offsets: number[] = [];
    for (const id of ids) {
      offsets.push(table.length);
      const bytes = glyphs[id]?.encode(mapping);
      if (bytes !== undefined) for (let i = 0; i < bytes.length; i += 1) table.push(bytes[i]!);
    }
    offsets.push(table.length);
    return { table, offsets };
  };
  patchedGlyphTables.add(proto);
}

/** jsPDF parses the font's cmap when it is added; we ask it which characters exist. */
function register(
  doc: jsPDF,
  file: string,
  bytes: Uint8Array,
  family: string,
  style: 'normal' | 'bold',
): FontCoverage {
  doc.addFileToVFS(file, binaryString(bytes));
  doc.addFont(file, family, style);
  doc.setFont(family, style);
  const metadata = (
    doc.getFont() as unknown as {
      metadata?: { glyf?: GlyphTable; cmap?: { unicode?: { codeMap?: Record<number, number> } } };
    }
  ).metadata;
  linearGlyphEncoding(metadata?.glyf);
  const codeMap = metadata?.cmap?.unicode?.codeMap;
  if (codeMap === undefined)
    throw new Error(`${file}: jsPDF could not read the font's character map`);
  return { font: family, has: (cp) => codeMap[cp] !== undefined };
}

/** Lays the report model out as a PDF with jsPDF: vector charts, real (searchable) text. */
export function renderReportPdf(
  model: ReportModel,
  fonts: ReportFonts,
  paper: Paper,
): RenderedReport {
  const doc = new jsPDF({ unit: 'mm', format: paper, compress: true, putOnlyUsedFonts: true });
  const coverage = [register(doc, 'body.ttf', fonts.regular, 'body', 'normal')];
  const hasBold = fonts.bold !== undefined;
  if (fonts.bold !== undefined) register(doc, 'body-bold.ttf', fonts.bold, 'body', 'bold');
  if (fonts.fallback !== undefined)
    coverage.push(register(doc, 'fallback.ttf', fonts.fallback, 'fallback', 'normal'));
  const glyphs = new GlyphCoverage(coverage);
  const page = {
    width: doc.internal.pageSize.getWidth(),
    height: doc.internal.pageSize.getHeight(),
  };
  const contentWidth = page.width - 2 * MARGIN;
  const bottom = page.height - MARGIN - FOOTER;
  let y = MARGIN;

  const setFont = (font: string, bold = false) =>
    doc.setFont(font, bold && hasBold && font === 'body' ? 'bold' : 'normal');
  /** Draws one line as runs, each in a font that has its characters. */
  const drawLine = (
    line: string,
    x: number,
    baseline: number,
    bold: boolean,
    align: 'left' | 'right' = 'left',
  ) => {
    const runs = glyphs.runs(line);
    const widthOf = (run: { text: string; font: string }) => {
      setFont(run.font, bold);
      return doc.getTextWidth(run.text);
    };
    let cursor = align === 'right' ? x - runs.reduce((sum, run) => sum + widthOf(run), 0) : x;
    for (const run of runs) {
      setFont(run.font, bold);
      doc.text(run.text, cursor, baseline);
      cursor += doc.getTextWidth(run.text);
    }
  };
  /** Writes wrapped text at the cursor and moves the cursor down. */
  const write = (
    raw: string,
    size: number,
    options: { bold?: boolean; color?: string; x?: number; width?: number; gap?: number } = {},
  ) => {
    const text = glyphs.withPlaceholders(raw);
    const x = options.x ?? MARGIN;
    const width = options.width ?? contentWidth;
    const bold = options.bold ?? false;
    doc.setFontSize(size);
    doc.setTextColor(options.color ?? INK);
    // Wrap with the metrics of the font that draws most of the text.
    setFont(glyphs.bestFont(text).font, bold);
    const lines = doc.splitTextToSize(text, width) as string[];
    const lineHeight = size * 0.3528 * (model.lang === 'zh' ? 1.55 : 1.35);
    for (const line of lines) {
      if (y + lineHeight > bottom) newPage();
      drawLine(line, x, y + size * 0.3528, bold);
      y += lineHeight;
    }
    y += options.gap ?? 1.5;
  };
  const newPage = () => {
    doc.addPage(paper, 'portrait');
    y = MARGIN;
  };
  const ensure = (height: number) => {
    if (y + height > bottom) newPage();
  };
  const heading = (text: string, size = 14) => {
    ensure(size * 0.9 + 12);
    y += 3;
    write(text, size, { bold: true, color: BRAND, gap: 2 });
  };
  const bullets = (items: string[], empty: string) => {
    if (items.length === 0) write(empty, 10, { color: MUTED });
    for (const item of items) write(`•  ${item}`, 10, { x: MARGIN + 2, width: contentWidth - 2 });
  };

  // Cover: who, what, when, and the verdict.
  write(model.kicker, 10, { color: MUTED, gap: 1 });
  write(model.company, 24, { bold: true, gap: 4 });
  for (const [label, value] of model.facts.slice(1)) {
    const labelWidth = 32;
    const top = y;
    write(label, 10, { color: MUTED, width: labelWidth, gap: 0 });
    const afterLabel = y;
    y = top;
    write(value, 10, { x: MARGIN + labelWidth, width: contentWidth - labelWidth, gap: 0 });
    y = Math.max(y, afterLabel) + 1.5;
  }
  y += 4;
  const boxTop = y;
  doc.setDrawColor(LINE);
  doc.setLineWidth(0.3);
  y += 6;
  write(model.labels.overall, 10, { color: MUTED, x: MARGIN + 6, gap: 0 });
  write(`${model.overall}  ${model.outOf}`, 30, {
    bold: true,
    color: BRAND,
    x: MARGIN + 6,
    gap: 1,
  });
  write(model.range, 10, { color: MUTED, x: MARGIN + 6 });
  write(
    model.pair(
      model.labels.verdict,
      `${model.verdict}${model.verdictNote === null ? '' : ` (${model.verdictNote})`}`,
    ),
    13,
    {
      bold: true,
      color: model.verdictNote === null ? INK : RED,
      x: MARGIN + 6,
      width: contentWidth - 12,
    },
  );
  if (model.verdictDescription !== null)
    write(model.verdictDescription, 10, { x: MARGIN + 6, width: contentWidth - 12 });
  if (model.draftNote !== null)
    write(model.draftNote, 10, { bold: true, color: RED, x: MARGIN + 6, width: contentWidth - 12 });
  y += 3;
  doc.roundedRect(MARGIN, boxTop, contentWidth, y - boxTop, 2, 2, 'S');
  y += 6;
  heading(model.labels.sectionScores, 12);
  for (const [name, score] of model.sectionScores) write(model.pair(name, score), 11);
  if (model.robustness !== '') {
    y += 2;
    write(model.robustness, 10, { color: MUTED });
  }
  if (model.redFlags.length > 0) {
    heading(model.labels.redFlags, 12);
    for (const flag of model.redFlags) write(`!  ${flag}`, 10, { color: RED });
  }

  // Charts: the two sections side by side, then all criteria.
  newPage();
  heading(model.labels.charts);
  const [first, second, all] = model.radars;
  const half = contentWidth / 2;
  const small = Math.min(half / 2 - 16, 30);
  ensure(2 * small + 40);
  const titleY = y;
  for (const [i, radar] of [first, second].entries()) {
    if (radar === undefined) continue;
    y = titleY;
    write(radar.title, 11, { bold: true, x: MARGIN + i * half, width: half - 4 });
    drawRadar(doc, glyphs, {
      cx: MARGIN + i * half + half / 2,
      cy: titleY + 14 + small,
      radius: small,
      axes: radar.axes,
      values: radar.values,
      labelSize: 8,
    });
  }
  y = titleY + 14 + 2 * small + 18;
  if (all !== undefined) {
    const big = Math.min(contentWidth / 2 - 30, 48);
    ensure(2 * big + 40);
    write(all.title, 11, { bold: true });
    drawRadar(doc, glyphs, {
      cx: MARGIN + contentWidth / 2,
      cy: y + 12 + big,
      radius: big,
      axes: all.axes,
      values: all.values,
      labelSize: 8,
    });
    y += 2 * big + 30;
  }

  // Findings.
  newPage();
  heading(model.labels.levers);
  if (model.levers.length === 0) write(model.labels.none, 10, { color: MUTED });
  model.levers.forEach((lever, i) => {
    write(`${i + 1}. ${lever.title}`, 11, { bold: true, gap: 0.5 });
    write(lever.action, 10, { x: MARGIN + 5, width: contentWidth - 5, gap: 3 });
  });
  heading(model.labels.strengths, 12);
  bullets(model.strengths, model.labels.none);
  heading(model.labels.weaknesses, 12);
  bullets(model.weaknesses, model.labels.none);
  heading(model.labels.toVerify, 12);
  bullets(model.toVerify, model.labels.none);

  // One table per section.
  const fontOf = (data: CellHookData) => {
    const raw = Array.isArray(data.cell.raw)
      ? data.cell.raw.join('\n')
      : String(data.cell.raw ?? '');
    const inked = glyphs.ink(raw);
    data.cell.text = inked.text.split('\n');
    data.cell.styles.font = inked.font;
    // Chinese has no bold face: asking for one would fall back to Helvetica and garble it.
    if (!hasBold || inked.font !== 'body') data.cell.styles.fontStyle = 'normal';
  };
  const tableStyles = {
    styles: {
      font: 'body',
      fontSize: 8.5,
      cellPadding: 1.6,
      overflow: 'linebreak' as const,
      lineColor: LINE,
      lineWidth: 0.1,
      textColor: INK,
      valign: 'top' as const,
    },
    headStyles: {
      fillColor: BRAND,
      textColor: '#ffffff',
      fontStyle: hasBold ? ('bold' as const) : ('normal' as const),
    },
    margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN + FOOTER },
    rowPageBreak: 'auto' as const,
    didParseCell: fontOf,
  };
  for (const section of model.sections) {
    newPage();
    heading(section.title);
    write(section.summary, 10, { color: MUTED });
    const c = model.columns;
    autoTable(doc, {
      ...tableStyles,
      startY: y,
      head: [[c.criterion, c.weight, c.level, c.percent, c.points, c.evidence, c.notes]],
      body: section.rows.map((row): RowInput => [
        row.criterion,
        row.weight,
        row.level,
        row.percent,
        row.points,
        row.evidence,
        row.notes,
      ]),
      columnStyles: {
        0: { cellWidth: 27 },
        1: { cellWidth: 13, halign: 'right' },
        2: { cellWidth: 30 },
        3: { cellWidth: 13, halign: 'right' },
        4: { cellWidth: 14, halign: 'right' },
        5: { cellWidth: 17 },
        6: { cellWidth: 'auto' },
      },
      didParseCell: (data) => {
        fontOf(data);
        if (data.section === 'body' && section.rows[data.row.index]?.redFlag)
          data.cell.styles.textColor = RED;
      },
    });
    y = (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 6;
  }

  // Appendix: the rubric's level descriptors.
  newPage();
  heading(model.labels.appendix);
  for (const entry of model.appendix) {
    ensure(30);
    write(entry.criterion, 11, { bold: true, gap: 1 });
    autoTable(doc, {
      ...tableStyles,
      startY: y,
      head: [[model.columns.level, model.columns.descriptor]],
      body: entry.levels.map(([label, descriptor]): RowInput => [label, descriptor]),
      columnStyles: { 0: { cellWidth: 38 } },
    });
    y = (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 5;
  }

  // Footer on every page: confidentiality and "Page n of N".
  const pages = doc.getNumberOfPages();
  const footerY = page.height - MARGIN + 2;
  for (let n = 1; n <= pages; n += 1) {
    doc.setPage(n);
    doc.setDrawColor(LINE);
    doc.setLineWidth(0.2);
    doc.line(MARGIN, footerY - 5, page.width - MARGIN, footerY - 5);
    doc.setFontSize(8);
    doc.setTextColor(MUTED);
    const label = model.pageLabel(n, pages);
    drawLine(label, page.width - MARGIN, footerY, false, 'right');
    const labelWidth = glyphs
      .runs(label)
      .reduce((sum, run) => (setFont(run.font), sum + doc.getTextWidth(run.text)), 0);
    const footer = glyphs.withPlaceholders(model.footer);
    setFont(glyphs.bestFont(footer).font);
    const [line = ''] = doc.splitTextToSize(footer, contentWidth - labelWidth - 6) as string[];
    drawLine(
      line === footer ? line : `${Array.from(line).slice(0, -1).join('')}…`,
      MARGIN,
      footerY,
      false,
    );
  }

  doc.setProperties({
    title: glyphs.ink(model.meta.title).text,
    subject: model.meta.subject,
    author: model.meta.author,
    keywords: model.meta.keywords,
    creator: 'Moatscore',
  });
  doc.setLanguage(model.lang === 'zh' ? 'zh-CN' : 'en-US');
  return { bytes: new Uint8Array(doc.output('arraybuffer')), pages, missing: [...glyphs.missing] };
}
