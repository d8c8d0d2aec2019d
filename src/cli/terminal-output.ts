import { escapeControlCharacters, escapeJsonControls } from '../core/control-characters';
import type { CliIo } from './cli-io';

/*
 * Everything the CLI prints passes through these two: text from files (names,
 * notes, keys, labels) can hold newlines, ESC sequences or bidi overrides that
 * would forge or hide lines on a terminal, so each line is printed with them
 * escaped, and JSON with the ones JSON.stringify leaves raw escaped too.
 */

export function printLines(
  io: CliIo,
  lines: readonly string[],
  stream: 'out' | 'err' = 'out',
): void {
  io[stream](lines.map(escapeControlCharacters).join('\n'));
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(escapeJsonControls(JSON.stringify(value)));
}
