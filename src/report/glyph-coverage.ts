/**
 * Dropped from any text: control characters other than the line break, and
 * characters that only steer layout (zero-width, direction overrides,
 * variation selectors), since the PDF draws left to right anyway.
 */
function isDropped(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff ||
    // Half of a surrogate pair, left by cutting a string in the wrong place.
    (code >= 0xd800 && code <= 0xdfff)
  );
}
export const PLACEHOLDER = '□';
const PLACEHOLDER_CODE = PLACEHOLDER.codePointAt(0)!;

export interface FontCoverage {
  /** The name the PDF knows the font by. */
  font: string;
  has: (codePoint: number) => boolean;
}

export interface InkedText {
  text: string;
  font: string;
}

/**
 * Decides which embedded font draws a piece of text, and makes sure nothing
 * vanishes silently: a character no font has becomes a visible □ (or ? in a
 * font without □) and is remembered, so the user can be told which.
 */
export class GlyphCoverage {
  readonly missing = new Set<string>();

  constructor(private readonly fonts: readonly FontCoverage[]) {
    if (fonts.length === 0) throw new Error('GlyphCoverage needs at least one font');
  }

  /** Text without invisible direction marks and control characters. */
  clean(raw: string): string {
    const text = raw.normalize('NFC').replace(/\t/g, ' ').replace(/\r\n?/g, '\n');
    return [...text].filter((c) => !isDropped(c.codePointAt(0)!)).join('');
  }

  /** The font that can draw most of the text (for measuring and for table cells); records nothing. */
  bestFont(text: string): FontCoverage {
    const chars = [...text];
    let best = this.fonts[0]!;
    let bestMissing = Infinity;
    for (const font of this.fonts) {
      const missing = chars.filter((c) => !isBlank(c) && !font.has(c.codePointAt(0)!)).length;
      if (missing < bestMissing) [best, bestMissing] = [font, missing];
      if (missing === 0) break;
    }
    return best;
  }

  /** One font for the whole text (table cells): the one that can draw most of it. */
  ink(raw: string): InkedText {
    const text = this.clean(raw);
    const best = this.bestFont(text);
    const placeholder = best.has(PLACEHOLDER_CODE) ? PLACEHOLDER : '?';
    const drawn = [...text]
      .map((c) => (isBlank(c) || best.has(c.codePointAt(0)!) ? c : this.lose(c, placeholder)))
      .join('');
    return { text: drawn, font: best.font };
  }

  /** Replaces characters no font has with □ (recording them), so wrapping never splits one. */
  withPlaceholders(raw: string): string {
    const anyHas = (code: number) => this.fonts.some((f) => f.has(code));
    return [...this.clean(raw)]
      .map((c) => (isBlank(c) || anyHas(c.codePointAt(0)!) ? c : this.lose(c, PLACEHOLDER)))
      .join('');
  }

  /**
   * The text as runs, each in a font that has its characters (free text:
   * "Zoë Łukasiewicz (投资人)" uses both the Latin and the Chinese font).
   */
  runs(raw: string): InkedText[] {
    const runs: InkedText[] = [];
    let current: FontCoverage | undefined;
    for (const char of this.clean(raw)) {
      const code = char.codePointAt(0)!;
      let font =
        current !== undefined && (isBlank(char) || current.has(code))
          ? current
          : this.fonts.find((f) => f.has(code));
      let text = char;
      if (font === undefined) {
        font = this.fonts.find((f) => f.has(PLACEHOLDER_CODE)) ?? this.fonts[0]!;
        text = this.lose(char, font.has(PLACEHOLDER_CODE) ? PLACEHOLDER : '?');
      }
      const last = runs.at(-1);
      if (last !== undefined && last.font === font.font) last.text += text;
      else runs.push({ text, font: font.font });
      current = font;
    }
    return runs;
  }

  private lose(char: string, placeholder: string): string {
    this.missing.add(char);
    return placeholder;
  }
}

function isBlank(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\u00a0' || char === '\u3000';
}
