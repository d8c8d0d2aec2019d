/** Real PDF tools from poppler and qpdf, as a person would use them on a downloaded report. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function writeTemp(name: string, bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'moatscore-pdf-')), name);
  writeFileSync(path, bytes);
  return path;
}

/** `qpdf --check`: exit 0 means the file's structure and streams are sound. */
export function qpdfCheck(path: string): { ok: boolean; output: string } {
  const result = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' });
  return Object.fromEntries(
    out.split('\n').flatMap((line) => {
      const match = /^([^:]+):\s*(.*)$/.exec(line);
      return match ? [[match[1]!.trim(), match[2]!.trim()]] : [];
    }),
  );
}

/** pdftotext breaks lines and, in tables, words: compare with all whitespace removed. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
