import type { jsPDF } from 'jspdf';
import type { FontCoverage } from './glyph-coverage';

/*
 * Fonts into jsPDF: TrueType bytes as the binary strings it takes, and a
 * linear glyph table in place of its quadratic one.
 */

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
let linearGlyphs = true;

/**
 * Whether the linear glyph table is used (the default). Tests turn it off to
 * check that both make the very same PDF, so a jsPDF update that changes its
 * table cannot change reports unseen.
 */
export function useLinearGlyphTable(enabled: boolean): void {
  linearGlyphs = enabled;
}

/**
 * jsPDF 4.2's subsetter builds the glyph table with `table = table.concat(glyph)`
 * for every glyph used: quadratic, over a second for a Chinese report's
 * ~1,500 glyphs. The same output, built linearly. It replaces a method on
 * jsPDF's internal prototype, keeping the original for when it is turned off.
 */
function linearGlyphEncoding(glyf: GlyphTable | undefined): void {
  const proto = glyf === undefined ? undefined : (Object.getPrototypeOf(glyf) as GlyphTable);
  if (proto === undefined || patchedGlyphTables.has(proto)) return;
  const original = proto.encode;
  proto.encode = function (this: GlyphTable, glyphs, ids, mapping) {
    if (!linearGlyphs) return original.call(this, glyphs, ids, mapping);
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
export function registerFont(
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
