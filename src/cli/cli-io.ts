import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the CLI writes; tests pass their own to read what a user would see. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Refuses files over `maxBytes` (default MAX_INPUT_BYTES) before reading them. */
  readText: (path: string, maxBytes?: number) => string;
  write: (path: string, bytes: Uint8Array) => void;
  /** A folder stands for the .json files in it, in name order; anything else for itself. */
  expand: (path: string) => string[];
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** Files larger than this are refused before they are read: no assessment is near it. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export class InputError extends Error {}

export const nodeIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readText: (path, maxBytes = MAX_INPUT_BYTES) => {
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw new InputError(`${path}: cannot read the file (does it exist?)`);
    }
    if (size > maxBytes) {
      throw new InputError(
        `${path}: the file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${maxBytes / 1024 / 1024} MB`,
      );
    }
    return readFileSync(path, 'utf8');
  },
  write: (path, bytes) => writeFileSync(path, bytes),
  expand: (path) => {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      return [path];
    }
    if (!isDirectory) return [path];
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
