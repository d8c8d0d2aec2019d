/**
 * The "13a" tokenizer of BLEU: the tokenization of mteval-v13a.pl, the NIST
 * script used by WMT, as sacreBLEU defines it (its default; `tokenize='13a'`).
 * Rewritten from the rules, not copied:
 *
 * 1. drop `<skipped>`; join a hyphen at a line end; line breaks become spaces;
 * 2. unescape `&quot;` `&amp;` `&lt;` `&gt;`, in that order;
 * 3. pad with a space on both sides, then:
 *    - surround with spaces each of  { | } ~ [ \ ] ^ _ ` space ! " # $ % & ( ) * + : ; < = > ? @ /
 *      (the ASCII punctuation except the apostrophe, comma, hyphen and period);
 *    - split a period or comma from a preceding non-digit,
 *    - and from a following non-digit (so 3.14 and 1,000 stay whole);
 *    - split a hyphen that follows a digit;
 * 4. collapse runs of whitespace to one space and trim.
 *
 * "Whitespace" is Python's (`str.split()`), which differs from JavaScript's \s:
 * it includes U+001C–U+001F and U+0085 but not U+FEFF.
 */
export const PYTHON_WHITESPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const WHITESPACE_RUN = new RegExp(`[${PYTHON_WHITESPACE}]+`, 'gu');
const TRAILING_WHITESPACE = new RegExp(`[${PYTHON_WHITESPACE}]+$`, 'u');

const PUNCTUATION = /([\x7b-\x7e\x5b-\x60\x20-\x26\x28-\x2b\x3a-\x40\x2f])/gu;
const PERIOD_COMMA_AFTER_NON_DIGIT = /([^0-9])([.,])/gu;
const PERIOD_COMMA_BEFORE_NON_DIGIT = /([.,])([^0-9])/gu;
const DASH_AFTER_DIGIT = /([0-9])(-)/gu;

export function tokenize13a(segment: string): string {
  let line = segment.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (line.includes('&')) {
    line = line
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>');
  }
  line = ` ${line} `
    .replace(PUNCTUATION, ' $1 ')
    .replace(PERIOD_COMMA_AFTER_NON_DIGIT, '$1 $2 ')
    .replace(PERIOD_COMMA_BEFORE_NON_DIGIT, ' $1 $2')
    .replace(DASH_AFTER_DIGIT, '$1 $2 ');
  return splitWhitespace(line).join(' ');
}

/** Python's `str.split()`: on runs of whitespace, no empty strings at either end. */
export function splitWhitespace(text: string): string[] {
  const parts = text.split(WHITESPACE_RUN);
  if (parts[0] === '') parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Python's `str.rstrip()`. */
export function trimEndWhitespace(text: string): string {
  return text.replace(TRAILING_WHITESPACE, '');
}
