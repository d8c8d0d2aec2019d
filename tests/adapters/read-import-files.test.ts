import { describe, expect, it } from 'vitest';
import { readImportFiles, type ImportSource } from '../../src/adapters/read-import-files';
import { serializeAssessment } from '../../src/core/assessment-file';
import { MAX_IMPORT_BYTES } from '../../src/core/import-file';
import { problemLines } from '../../src/i18n/problem-text';
import { makeAssessment, tinyRubric } from '../helpers/fixtures';

const assessment = makeAssessment(tinyRubric(), {}, { id: 'a1' });

function source(name: string, content: string | Uint8Array): ImportSource {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}

describe('reading chosen files', () => {
  it('names the file in every problem, next to the path inside it', async () => {
    const read = await readImportFiles([
      source('good.json', serializeAssessment(assessment)),
      source('bad.json', '{"format": "moatscore.assessment", "version": "two"}'),
    ]);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(problemLines(read.problems, 'en')).toBe(
      'bad.json: version: expected a whole number from 1, found "two"',
    );
  });

  it('refuses a 50 MB file by its size, without reading it', async () => {
    let read = false;
    const huge: ImportSource = {
      name: 'huge.json',
      size: 50 * 1024 * 1024,
      arrayBuffer: async () => {
        read = true;
        return new ArrayBuffer(0);
      },
    };
    const result = await readImportFiles([huge]);
    expect(result.ok || problemLines(result.problems, 'en')).toBe(
      `huge.json: the file is 50.0 MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    );
    expect(read).toBe(false);
  });

  it('refuses the same id twice across the chosen files', async () => {
    const text = serializeAssessment(assessment);
    const result = await readImportFiles([source('one.json', text), source('two.json', text)]);
    expect(result.ok || problemLines(result.problems, 'en')).toBe(
      'the assessment id "a1" is in more than one of the chosen files',
    );
  });

  it('accepts a UTF-8 file that starts with a byte-order mark', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const body = new TextEncoder().encode(serializeAssessment(assessment));
    const result = await readImportFiles([source('bom.json', new Uint8Array([...bom, ...body]))]);
    expect(result).toEqual({ ok: true, assessments: [assessment] });
  });

  it('refuses a Latin-1 file instead of showing it garbled', async () => {
    const named = makeAssessment(
      tinyRubric(),
      {},
      {
        id: 'latin',
        company: { name: 'Café Zürich', stage: 'seed', sector: '' },
      },
    );
    // Latin-1: every character one byte, é as 0xE9, which is not UTF-8.
    const latin1 = Uint8Array.from(serializeAssessment(named), (c) => c.charCodeAt(0));
    const result = await readImportFiles([source('latin1.json', latin1)]);
    expect(result.ok || problemLines(result.problems, 'en')).toMatch(
      /^latin1\.json: the file is not UTF-8 text/,
    );
    expect(result.ok || problemLines(result.problems, 'zh')).toMatch(
      /^latin1\.json: 文件不是 UTF-8/,
    );
  });
});
