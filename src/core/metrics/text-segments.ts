/**
 * A text file as one segment per line, the way sacreBLEU reads its input
 * (`open(…, newline="\n")`, then `line.rstrip()` per line): lines end at LF,
 * a trailing CR or other whitespace is dropped later with the rest of the
 * line's trailing whitespace, and a final line break does not start an empty
 * segment. Unlike sacreBLEU, a UTF-8 byte order mark is dropped, not read as
 * part of the first word.
 */
export function readSegments(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body === '') return [];
  const lines = body.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
