import { readdirSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { decodeUtf8 } from '../core/decode-text';
import { problem, type Problem } from '../core/problems';

/** Where the CLI writes; tests pass their own to read what a user would see. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The file's text; throws InputError naming what is wrong with the path or its bytes. Refuses files over `maxBytes` (default MAX_INPUT_BYTES) before reading them. */
  readText: (path: string, maxBytes?: number) => string;
  /** Throws InputError when the target cannot be written. */
  write: (path: string, bytes: Uint8Array) => void;
  /** A folder stands for the .json files in it, in name order; anything else for itself. */
  expand: (path: string) => string[];
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** Files larger than this are refused before they are read: no assessment is near it. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** A path that cannot be read or written, with the problem in the words of every language. */
export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly problem: Problem,
  ) {
    super(`${path}: ${problem.code}`);
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Checks what a path is before opening it: a folder, a pipe or a device is
 * named as such (opening a pipe would wait forever), a large file is refused
 * unread, and the bytes must be UTF-8.
 */
function readText(path: string, maxBytes = MAX_INPUT_BYTES): string {
  const stats = statOrNull(path);
  const fail = (found: Problem) => {
    throw new InputError(path, found);
  };
  if (stats === null) return fail(problem('(root)', 'file.missing'));
  if (stats.isDirectory()) return fail(problem('(root)', 'file.isFolder'));
  if (!stats.isFile()) return fail(problem('(root)', 'file.notRegular'));
  if (stats.size > maxBytes) {
    return fail(
      problem('(root)', 'file.tooLarge', {
        size: (stats.size / 1024 / 1024).toFixed(1),
        max: maxBytes / 1024 / 1024,
      }),
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return fail(problem('(root)', 'file.unreadable'));
  }
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? decoded.text : fail(decoded.problems[0]!);
}

function write(path: string, bytes: Uint8Array): void {
  const fail = (found: Problem) => {
    throw new InputError(path, found);
  };
  if (statOrNull(path)?.isDirectory() === true) fail(problem('(root)', 'out.isFolder'));
  const folder = dirname(path);
  if (statOrNull(folder)?.isDirectory() !== true) {
    fail(problem('(root)', 'out.folderMissing', { folder }));
  }
  try {
    writeFileSync(path, bytes);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    fail(problem('(root)', 'out.unwritable', { reason }));
  }
}

export const nodeIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readText,
  write,
  expand: (path) => {
    if (statOrNull(path)?.isDirectory() !== true) return [path];
    return readdirSync(path)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(path, name));
  },
};

const FONT_DIR = new URL('../../public/fonts/', import.meta.url);

/** The report's fonts, read from the files the web app serves. */
export async function readFontFile(file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(file, FONT_DIR)));
}
