import type { jsPDF } from 'jspdf';
import type { GlyphCoverage } from './glyph-coverage';

export interface RocSpec {
  /** Top-left corner of the plot area and its side, in mm. */
  x: number;
  y: number;
  size: number;
  fpr: readonly number[];
  tpr: readonly number[];
  xLabel: string;
  yLabel: string;
}

const GRID = '#c9d0d8';
const AXIS = '#4a535e';
const CURVE = '#1d4e89';
const LABEL = '#1b1f24';
const TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

/**
 * The ROC curve with jsPDF's vector primitives, as the radar is drawn
 * (radar-vector.ts): sharp at any zoom, no canvas, so it runs in Node, and
 * its labels stay real text. False positive rate across, true positive rate
 * up, the chance diagonal dashed.
 */
export function drawRoc(doc: jsPDF, glyphs: GlyphCoverage, spec: RocSpec): void {
  const { x, y, size } = spec;
  const px = (fpr: number) => x + fpr * size;
  const py = (tpr: number) => y + size - tpr * size;

  doc.setLineWidth(0.15);
  doc.setDrawColor(GRID);
  for (const tick of TICKS) {
    doc.line(px(tick), py(0), px(tick), py(1));
    doc.line(px(0), py(tick), px(1), py(tick));
  }
  doc.setDrawColor(AXIS);
  doc.setLineWidth(0.3);
  doc.rect(x, y, size, size, 'S');
  doc.setLineDashPattern([1.5, 1], 0);
  doc.line(px(0), py(0), px(1), py(1));
  doc.setLineDashPattern([], 0);

  const [first, ...rest] = spec.fpr.map((f, i) => [px(f), py(spec.tpr[i]!)] as const);
  if (first !== undefined) {
    const deltas: [number, number][] = [];
    let [lx, ly] = first;
    for (const [cx, cy] of rest) {
      deltas.push([cx - lx, cy - ly]);
      [lx, ly] = [cx, cy];
    }
    doc.setDrawColor(CURVE);
    doc.setLineWidth(0.7);
    doc.lines(deltas, first[0], first[1], [1, 1], 'S', false);
  }

  doc.setTextColor(AXIS);
  doc.setFontSize(7);
  doc.setFont(glyphs.ink('0.1').font, 'normal');
  for (const tick of TICKS) {
    const label = tick.toFixed(1);
    doc.text(label, px(tick), py(0) + 3.5, { align: 'center' });
    doc.text(label, px(0) - 1.5, py(tick) + 1, { align: 'right' });
  }
  doc.setTextColor(LABEL);
  doc.setFontSize(8);
  const across = glyphs.ink(spec.xLabel);
  doc.setFont(across.font, 'normal');
  doc.text(across.text, x + size / 2, py(0) + 8, { align: 'center' });
  const up = glyphs.ink(spec.yLabel);
  doc.setFont(up.font, 'normal');
  // Rotated text ignores `align`: start half its length below the middle, reading upwards.
  doc.text(up.text, x - 7, y + size / 2 + doc.getTextWidth(up.text) / 2, { angle: 90 });
}
