import type { jsPDF } from 'jspdf';
import { wrapLabel } from '../i18n/wrap-label';
import type { GlyphCoverage } from './glyph-coverage';
import { MM_PER_POINT } from './pdf-units';
import { SERIES_COLOURS } from './series-palette';

export interface RadarSpec {
  cx: number;
  cy: number;
  radius: number;
  axes: string[];
  /** One list per series (a rater): percent per axis; null (unanswered) is drawn at the centre. */
  series: (number | null)[][];
  labelSize: number;
}

const GRID = '#c9d0d8';
/** The screen's colours; dash patterns (in mm) keep series apart in greyscale print. */
const PRINT_DASHES: readonly number[][] = [[], [2, 1.2], [0.6, 0.9], [3, 1, 0.6, 1], [0.3, 0.6]];
const SERIES = SERIES_COLOURS.map((colour, i) => ({ color: colour.hex, dash: PRINT_DASHES[i]! }));
const LABEL = '#1b1f24';
const TICK = '#4a535e';

/** A point on axis i of n at `fraction` of the radius; axis 0 points up, the rest clockwise. */
function pointAt(spec: RadarSpec, i: number, fraction: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / spec.axes.length;
  return [
    spec.cx + Math.cos(angle) * spec.radius * fraction,
    spec.cy + Math.sin(angle) * spec.radius * fraction,
  ];
}

function polygon(doc: jsPDF, points: [number, number][], style: 'S' | 'FD'): void {
  const [start, ...rest] = points;
  if (start === undefined) return;
  const deltas: [number, number][] = [];
  let [px, py] = start;
  for (const [x, y] of rest) {
    deltas.push([x - px, y - py]);
    [px, py] = [x, y];
  }
  doc.lines(deltas, start[0], start[1], [1, 1], style, true);
}

/**
 * Draws a radar with jsPDF's vector primitives: sharp at any zoom, no canvas
 * (so it runs in Node), and its labels stay real text.
 */
export function drawRadar(doc: jsPDF, glyphs: GlyphCoverage, spec: RadarSpec): void {
  const n = spec.axes.length;
  doc.setLineWidth(0.2);
  doc.setDrawColor(GRID);
  for (const ring of [0.25, 0.5, 0.75, 1]) {
    polygon(
      doc,
      Array.from({ length: n }, (_, i) => pointAt(spec, i, ring)),
      'S',
    );
  }
  for (let i = 0; i < n; i += 1) {
    const [x, y] = pointAt(spec, i, 1);
    doc.line(spec.cx, spec.cy, x, y);
  }

  const GState = (
    doc as unknown as { GState: new (o: { opacity: number }) => Parameters<jsPDF['setGState']>[0] }
  ).GState;
  spec.series.forEach((values, k) => {
    const style = SERIES[k % SERIES.length]!;
    const data = values.map((v, i) => pointAt(spec, i, Math.max(0, Math.min(100, v ?? 0)) / 100));
    doc.setFillColor(style.color);
    doc.setDrawColor(style.color);
    if (k === 0) {
      doc.setGState(new GState({ opacity: 0.22 }));
      polygon(doc, data, 'FD');
      doc.setGState(new GState({ opacity: 1 }));
    }
    doc.setLineWidth(0.6);
    doc.setLineDashPattern(style.dash, 0);
    polygon(doc, data, 'S');
    doc.setLineDashPattern([], 0);
    data.forEach(([x, y], i) => {
      if (values[i] === null) return;
      if (k % 2 === 0) doc.circle(x, y, 0.9, 'F');
      else doc.rect(x - 0.8, y - 0.8, 1.6, 1.6, 'F');
    });
  });

  doc.setTextColor(TICK);
  doc.setFontSize(6);
  for (const ring of [25, 50, 75, 100]) {
    const [, y] = pointAt(spec, 0, ring / 100);
    doc.text(String(ring), spec.cx + 1, y - 0.6);
  }

  doc.setTextColor(LABEL);
  doc.setFontSize(spec.labelSize);
  const lineHeight = spec.labelSize * MM_PER_POINT * 1.25;
  spec.axes.forEach((axis, i) => {
    const inked = glyphs.ink(axis);
    doc.setFont(inked.font, 'normal');
    const lines = wrapLabel(inked.text, 14, 5);
    const [x, y] = pointAt(spec, i, 1);
    const dx = x - spec.cx;
    const dy = y - spec.cy;
    const align = Math.abs(dx) < 0.5 ? 'center' : dx > 0 ? 'left' : 'right';
    const offset = 2.5;
    const lx = x + (align === 'left' ? offset : align === 'right' ? -offset : 0);
    const block = lines.length * lineHeight;
    // Above the top, below the bottom, centred beside the rest.
    const top =
      Math.abs(dx) < 0.5
        ? dy < 0
          ? y - offset - block + lineHeight * 0.8
          : y + offset + lineHeight * 0.8
        : y - block / 2 + lineHeight * 0.8;
    lines.forEach((line, k) => doc.text(line, lx, top + k * lineHeight, { align }));
  });
}
