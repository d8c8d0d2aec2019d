import { LOCALES } from '../i18n/t';
import { stripControlCharacters } from '../core/control-characters';
import { jsPDF } from 'jspdf';
import { autoTable, type CellHookData, type RowInput, type UserOptions } from 'jspdf-autotable';
import { GlyphCoverage } from './glyph-coverage';
import { registerFont } from './pdf-fonts';
import { MM_PER_POINT } from './pdf-units';

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

export const MARGIN = 18;
const FOOTER = 10;
export const INK = '#1b1f24';
export const MUTED = '#4a535e';
export const BRAND = '#1d4e89';
export const RED = '#b3261e';
const LINE = '#c9d0d8';

export interface TextOptions {
  bold?: boolean;
  color?: string;
  x?: number;
  width?: number;
  gap?: number;
}

/**
 * A page cursor over jsPDF for the reports: wrapped real text in the embedded
 * fonts (each run in a font that has its characters), headings that do not
 * end a page, tables, and the footer every page carries.
 */
export class PdfWriter {
  readonly doc: jsPDF;
  readonly glyphs: GlyphCoverage;
  readonly contentWidth: number;
  readonly pageSize: { width: number; height: number };
  /** The cursor, in mm from the top of the page. */
  y = MARGIN;
  private readonly hasBold: boolean;
  private readonly bottom: number;

  /** `created` dates the file and seeds its id, so the same report made twice is the same bytes. */
  constructor(
    fonts: ReportFonts,
    private readonly paper: Paper,
    private readonly lang: 'en' | 'zh',
    created: Date,
  ) {
    this.doc = new jsPDF({ unit: 'mm', format: paper, compress: true, putOnlyUsedFonts: true });
    this.doc.setCreationDate(created);
    this.doc.setFileId(fileIdOf(created));
    const coverage = [registerFont(this.doc, 'body.ttf', fonts.regular, 'body', 'normal')];
    this.hasBold = fonts.bold !== undefined;
    if (fonts.bold !== undefined)
      registerFont(this.doc, 'body-bold.ttf', fonts.bold, 'body', 'bold');
    if (fonts.fallback !== undefined)
      coverage.push(registerFont(this.doc, 'fallback.ttf', fonts.fallback, 'fallback', 'normal'));
    this.glyphs = new GlyphCoverage(coverage);
    this.pageSize = {
      width: this.doc.internal.pageSize.getWidth(),
      height: this.doc.internal.pageSize.getHeight(),
    };
    this.contentWidth = this.pageSize.width - 2 * MARGIN;
    this.bottom = this.pageSize.height - MARGIN - FOOTER;
  }

  setFont(font: string, bold = false): void {
    this.doc.setFont(font, bold && this.hasBold && font === 'body' ? 'bold' : 'normal');
  }

  /** Draws one line as runs, each in a font that has its characters. */
  drawLine(
    line: string,
    x: number,
    baseline: number,
    bold: boolean,
    align: 'left' | 'right' = 'left',
  ): void {
    const runs = this.glyphs.runs(line);
    let cursor = align === 'right' ? x - this.widthOf(line, bold) : x;
    for (const run of runs) {
      this.setFont(run.font, bold);
      this.doc.text(run.text, cursor, baseline);
      cursor += this.doc.getTextWidth(run.text);
    }
  }

  widthOf(line: string, bold = false): number {
    return this.glyphs.runs(line).reduce((sum, run) => {
      this.setFont(run.font, bold);
      return sum + this.doc.getTextWidth(run.text);
    }, 0);
  }

  /** Writes wrapped text at the cursor and moves the cursor down. */
  write(raw: string, size: number, options: TextOptions = {}): void {
    const text = this.glyphs.withPlaceholders(raw);
    const x = options.x ?? MARGIN;
    const width = options.width ?? this.contentWidth;
    const bold = options.bold ?? false;
    this.doc.setFontSize(size);
    this.doc.setTextColor(options.color ?? INK);
    // Wrap with the metrics of the font that draws most of the text.
    this.setFont(this.glyphs.bestFont(text).font, bold);
    const lines = this.doc.splitTextToSize(text, width) as string[];
    const lineHeight = size * MM_PER_POINT * (this.lang === 'zh' ? 1.55 : 1.35);
    for (const line of lines) {
      if (this.y + lineHeight > this.bottom) this.newPage();
      this.drawLine(line, x, this.y + size * MM_PER_POINT, bold);
      this.y += lineHeight;
    }
    this.y += options.gap ?? 1.5;
  }

  newPage(): void {
    this.doc.addPage(this.paper, 'portrait');
    this.y = MARGIN;
  }

  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  heading(text: string, size = 14): void {
    this.ensure(size * 0.9 + 12);
    this.y += 3;
    this.write(text, size, { bold: true, color: BRAND, gap: 2 });
  }

  bullets(items: readonly string[], empty: string): void {
    if (items.length === 0) this.write(empty, 10, { color: MUTED });
    for (const item of items)
      this.write(`•  ${item}`, 10, { x: MARGIN + 2, width: this.contentWidth - 2 });
  }

  /** A label column and a value column, row by row. */
  facts(rows: readonly (readonly [string, string])[], labelWidth = 32): void {
    for (const [label, value] of rows) {
      const top = this.y;
      this.write(label, 10, { color: MUTED, width: labelWidth, gap: 0 });
      const afterLabel = this.y;
      this.y = top;
      this.write(value, 10, {
        x: MARGIN + labelWidth,
        width: this.contentWidth - labelWidth,
        gap: 0,
      });
      this.y = Math.max(this.y, afterLabel) + 1.5;
    }
  }

  /** A table at the cursor; long cells wrap and rows split across pages. */
  table(
    head: string[],
    body: RowInput[],
    options: Pick<UserOptions, 'columnStyles'> & {
      highlight?: (row: number) => string | undefined;
    } = {},
  ): void {
    const fontOf = (data: CellHookData) => {
      const raw = cellText(data.cell.raw);
      const inked = this.glyphs.ink(raw);
      data.cell.text = inked.text.split('\n');
      data.cell.styles.font = inked.font;
      // Chinese has no bold face: asking for one would fall back to Helvetica and garble it.
      if (!this.hasBold || inked.font !== 'body') data.cell.styles.fontStyle = 'normal';
      const color = data.section === 'body' ? options.highlight?.(data.row.index) : undefined;
      if (color !== undefined) data.cell.styles.textColor = color;
    };
    autoTable(this.doc, {
      startY: this.y,
      head: [head],
      body,
      styles: {
        font: 'body',
        fontSize: 8.5,
        cellPadding: 1.6,
        overflow: 'linebreak',
        lineColor: LINE,
        lineWidth: 0.1,
        textColor: INK,
        valign: 'top',
      },
      headStyles: {
        fillColor: BRAND,
        textColor: '#ffffff',
        fontStyle: this.hasBold ? 'bold' : 'normal',
      },
      margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN + FOOTER },
      rowPageBreak: 'auto',
      columnStyles: options.columnStyles ?? {},
      didParseCell: fontOf,
    });
    this.y =
      (this.doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 6;
  }

  /** Footer on every page ("Page n of N" and a line of text), metadata, and the bytes. */
  finish(
    footerText: string,
    pageLabel: (page: number, pages: number) => string,
    meta: { title: string; subject: string; author: string; keywords: string },
  ): RenderedReport {
    const { doc, pageSize } = this;
    const pages = doc.getNumberOfPages();
    const footerY = pageSize.height - MARGIN + 2;
    for (let n = 1; n <= pages; n += 1) {
      doc.setPage(n);
      doc.setDrawColor(LINE);
      doc.setLineWidth(0.2);
      doc.line(MARGIN, footerY - 5, pageSize.width - MARGIN, footerY - 5);
      doc.setFontSize(8);
      doc.setTextColor(MUTED);
      const label = pageLabel(n, pages);
      this.drawLine(label, pageSize.width - MARGIN, footerY, false, 'right');
      const footer = this.glyphs.withPlaceholders(footerText);
      this.setFont(this.glyphs.bestFont(footer).font);
      const [line = ''] = doc.splitTextToSize(
        footer,
        this.contentWidth - this.widthOf(label) - 6,
      ) as string[];
      this.drawLine(
        line === footer ? line : `${Array.from(line).slice(0, -1).join('')}…`,
        MARGIN,
        footerY,
        false,
      );
    }
    // Names come from files: no control or bidi character may reach a viewer's title bar.
    doc.setProperties({
      title: stripControlCharacters(this.glyphs.ink(meta.title).text),
      subject: stripControlCharacters(meta.subject),
      author: stripControlCharacters(meta.author),
      keywords: stripControlCharacters(meta.keywords),
      creator: 'Moatscore',
    });
    doc.setLanguage(LOCALES[this.lang]);
    return {
      bytes: new Uint8Array(doc.output('arraybuffer')),
      pages,
      missing: [...this.glyphs.missing],
    };
  }
}

/** A PDF file id (32 hex digits) from the creation time: stable for a given report. */
function fileIdOf(created: Date): string {
  const digits = created.getTime().toString(16);
  return digits.padStart(32, '0').slice(-32).toUpperCase();
}

/** A table cell's text, whether given as a string, lines, or `{ content }` with its own styles. */
function cellText(raw: unknown): string {
  if (Array.isArray(raw)) return raw.join('\n');
  if (typeof raw === 'object' && raw !== null && 'content' in raw) return cellText(raw.content);
  return String(raw ?? '');
}
