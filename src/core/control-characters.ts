/**
 * Characters that change how text is shown instead of being shown: C0 and C1
 * controls (ESC starts terminal sequences; NUL, BEL), DEL, bidirectional
 * overrides and isolates (U+202E turns "txt.exe" around), zero-width marks,
 * line and paragraph separators and the byte-order mark.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Each such character written out as an escape (`\n`, `\u001b`, `\u202e`), so it is seen, not obeyed. */
export function escapeControlCharacters(text: string): string {
  return text.replace(
    CONTROL,
    (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Each such character dropped: for places that show text but have no room for escapes (PDF metadata). */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * JSON text with the characters JSON.stringify leaves raw (C1, bidi,
 * separators) escaped too: the same value, safe to print on a terminal.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
