import { MAX_PROBLEMS, problem, withSummary, type MetricsProblem } from './metrics-problem';

/**
 * A CSV file read by RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): fields
 * separated by commas, records by CRLF (LF and a lone CR are accepted too), a
 * field in double quotes may hold commas, line breaks and "" for a quote. A
 * UTF-8 byte order mark is dropped, blank lines are skipped, and a quote inside
 * an unquoted field is kept as text (as spreadsheets write it).
 *
 * Column-major, because files run to millions of rows: one array per column
 * costs far less than one array per row.
 */
export interface CsvTable {
  /** The header's names, trimmed. */
  header: string[];
  /** `columns[c][r]`: field c of record r (the header not counted). */
  columns: string[][];
  /** The 1-based line each record starts on, for messages. */
  lines: Int32Array;
  rows: number;
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; problems: MetricsProblem[] };

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

export function readCsv(text: string, file: string): CsvResult {
  const length = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let header: string[] | null = null;
  let columns: string[][] = [];
  const lines: number[] = [];
  const problems: MetricsProblem[] = [];
  let extraProblems = 0;
  let headerFields: string[] = [];

  while (i < length) {
    const recordLine = line;
    let field = 0;
    let blank = true;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const openedOn = line;
        blank = false;
        i += 1;
        value = '';
        let start = i;
        for (;;) {
          if (i >= length) {
            return fail(file, openedOn, 'metrics.unterminatedQuote');
          }
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              value += text.slice(start, i + 1);
              i += 2;
              start = i;
              continue;
            }
            value += text.slice(start, i);
            i += 1;
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line += 1;
          i += 1;
        }
        const after = text.charCodeAt(i);
        if (i < length && after !== COMMA && after !== CR && after !== LF) {
          return fail(file, line, 'metrics.textAfterQuote');
        }
      } else {
        const start = i;
        let c = text.charCodeAt(i);
        while (i < length && c !== COMMA && c !== CR && c !== LF) {
          i += 1;
          c = text.charCodeAt(i);
        }
        value = text.slice(start, i);
        if (blank && (value.trim() !== '' || c === COMMA)) blank = false;
      }
      if (header === null) headerFields.push(value);
      else if (field < columns.length) columns[field]!.push(value);
      field += 1;
      if (i < length && text.charCodeAt(i) === COMMA) {
        i += 1;
        continue;
      }
      break;
    }
    if (i < length) {
      if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
      else i += 1;
      line += 1;
    }
    if (blank) {
      // A blank line: take back the empty field it added.
      if (header === null) headerFields = [];
      else columns[0]!.pop();
      continue;
    }
    if (header === null) {
      header = headerFields.map((name) => name.trim());
      columns = header.map(() => []);
      continue;
    }
    if (field !== header.length) {
      if (problems.length < MAX_PROBLEMS) {
        problems.push(
          problem(file, recordLine, null, 'metrics.fieldCount', {
            expected: header.length,
            found: field,
          }),
        );
      } else extraProblems += 1;
      for (let c = field; c < header.length; c += 1) columns[c]!.push('');
    }
    lines.push(recordLine);
  }
  if (header === null) return fail(file, null, 'file.empty');
  if (problems.length > 0) return { ok: false, problems: withSummary(problems, extraProblems) };
  return {
    ok: true,
    table: { header, columns, lines: Int32Array.from(lines), rows: lines.length },
  };
}

function fail(
  file: string,
  line: number | null,
  code: 'metrics.unterminatedQuote' | 'metrics.textAfterQuote' | 'file.empty',
): CsvResult {
  return { ok: false, problems: [problem(file, line, null, code)] };
}
