import type { EvidenceAppendix } from './evidence-appendix';
import { MARGIN, MUTED, PdfWriter } from './pdf-writer';
import { drawRoc } from './roc-vector';

/** The side of the ROC plot, in mm: big enough to read a curve, small enough for half a page. */
const ROC_SIZE = 62;

/**
 * The model evidence appendix: per evaluation its task and held-out set, the
 * files' fingerprints, the level it supports, the metrics table and, for
 * score files, the ROC curve in vector form.
 */
export function appendEvidence(pdf: PdfWriter, appendix: EvidenceAppendix): void {
  pdf.newPage();
  pdf.heading(appendix.title);
  pdf.write(appendix.intro, 9.5, { color: MUTED });
  for (const entry of appendix.entries) {
    pdf.ensure(60);
    pdf.y += 2;
    pdf.write(entry.title, 11.5, { bold: true, gap: 1.5 });
    pdf.facts(entry.facts, 34);
    pdf.write(entry.method, 8.5, { color: MUTED, gap: 2 });
    pdf.table(entry.columns, entry.rows, {
      columnStyles: {
        0: { cellWidth: 30 },
        1: { halign: 'right' },
        2: { halign: 'right' },
        3: { halign: 'right' },
        4: { halign: 'right' },
      },
    });
    pdf.write(appendix.keyNote, 8, { color: MUTED, gap: 2 });
    if (entry.roc !== null) {
      pdf.ensure(ROC_SIZE + 24);
      pdf.write(entry.roc.caption, 9.5, { bold: true, gap: 2 });
      const top = pdf.y + 2;
      drawRoc(pdf.doc, pdf.glyphs, {
        x: MARGIN + 14,
        y: top,
        size: ROC_SIZE,
        fpr: entry.roc.fpr,
        tpr: entry.roc.tpr,
        xLabel: entry.roc.x,
        yLabel: entry.roc.y,
      });
      pdf.y = top + ROC_SIZE + 14;
    }
  }
}
