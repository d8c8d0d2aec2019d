import type { Lang } from '../core/vocabulary';
import type { ReportFonts } from './pdf-writer';

/** Files in public/fonts/ (see OFL.txt there), made by `npm run fonts`. */
export const FONT_FILES = {
  cjk: 'noto-sans-sc-regular.ttf',
  latin: 'noto-sans-regular.ttf',
  latinBold: 'noto-sans-bold.ttf',
} as const;

/** Reads one font file: from disk in Node, over HTTP (cached) in the browser. */
export type ReadFont = (file: string) => Promise<Uint8Array>;

/** Han, kana, hangul, CJK punctuation and full-width forms: text only the CJK font can draw. */
const CJK =
  /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{3134f}]/u;

export function needsCjkFont(texts: readonly string[]): boolean {
  return texts.some((text) => CJK.test(text));
}

/**
 * Chinese reports embed Noto Sans SC, falling back to Noto Sans for Latin
 * names it lacks. English reports use Noto Sans, and fetch the CJK font only
 * when the user's own text (a Chinese company name, notes) needs it.
 */
export async function loadReportFonts(
  lang: Lang,
  read: ReadFont,
  userTexts: readonly string[],
): Promise<ReportFonts> {
  if (lang === 'zh') {
    const [regular, fallback] = await Promise.all([read(FONT_FILES.cjk), read(FONT_FILES.latin)]);
    return { regular, fallback };
  }
  const [regular, bold, fallback] = await Promise.all([
    read(FONT_FILES.latin),
    read(FONT_FILES.latinBold),
    needsCjkFont(userTexts) ? read(FONT_FILES.cjk) : Promise.resolve(undefined),
  ]);
  return fallback === undefined ? { regular, bold } : { regular, bold, fallback };
}
