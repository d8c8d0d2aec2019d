import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeIo, type CliIo } from '../../src/cli/cli-io';
import { runCli } from '../../src/cli/main';
import { serializeAssessment } from '../../src/core/assessment-file';
import { loadExample, repoPath } from '../helpers/fixtures';
import { pdfInfo } from '../report/pdf-tools';

/* Regression corpus: files and paths that once made the CLI lie, crash or hang. */

const example = loadExample();

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { ...nodeIo, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const folder = () => mkdtempSync(join(tmpdir(), 'moatscore-hostile-'));
function fileWith(name: string, content: string | Uint8Array): string {
  const path = join(folder(), name);
  writeFileSync(path, content);
  return path;
}

/** An evaluator whose name forges a score line and hides the real one (ESC[8m: conceal). */
const SPOOF = 'Li Wei\n  Overall score: 97.0\u001b[8m\u202e\u0007\u0000';
const spoofing = () =>
  fileWith(
    'spoof.json',
    serializeAssessment({ ...example, evaluator: { name: SPOOF, role: 'founder' } }),
  );

describe('the CLI never lets a file drive the terminal', () => {
  it('prints control characters from files escaped, so no line is forged or hidden', async () => {
    const { code, out } = await run(['score', spoofing()]);
    expect(code).toBe(0);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    const lines = out.split('\n');
    // The forged line is part of the name on the first line, not a line of its own.
    expect(lines[0]).toContain('Li Wei\\n  Overall score: 97.0\\u001b[8m\\u202e\\u0007\\u0000');
    expect(lines.filter((line) => /^\s*Overall score:/.test(line))).toHaveLength(1);
  });

  it('keeps JSON output the same value, with C1 and bidi characters escaped too', async () => {
    const name = 'Evil\u009b31m\u202eAI';
    const file = fileWith(
      'c1.json',
      serializeAssessment({ ...example, evaluator: { name, role: 'investor' } }),
    );
    const { out } = await run(['deal', file, '--json']);
    expect(out).not.toMatch(/[\u0080-\u009f\u202e]/);
    expect(out).toContain('\\u009b');
    expect(JSON.stringify(JSON.parse(out))).toContain(JSON.stringify(name).slice(1, -1));
  });

  it('escapes control characters in problems, which quote keys from the file', async () => {
    const text = serializeAssessment(example).replace(
      '"answers": {',
      '"answers": {"x\\u001b[2J": {"value": 1, "evidence": "verified", "notes": ""},',
    );
    const { code, err } = await run(['score', fileWith('keys.json', text)]);
    expect(code).toBe(1);
    expect(err).not.toContain('\u001b');
    expect(err).toContain('answers.x\\u001b[2J: no criterion');
  });
});

describe('the CLI names a bad path in one line and exits 1', () => {
  it('a folder given as the input', async () => {
    const dir = folder();
    expect(await run(['score', dir])).toEqual({
      code: 1,
      out: '',
      err: `${dir}: is a folder, not a file`,
    });
  });

  it('--out into a folder that does not exist, or onto a folder', async () => {
    const missing = join(folder(), 'no', 'such', 'report.pdf');
    const first = await run(['report', repoPath('examples/deeplake-ai.json'), '--out', missing]);
    expect([first.code, first.err]).toEqual([
      1,
      `${missing}: cannot write there: the folder ${join(missing, '..')} does not exist`,
    ]);
    const dir = folder();
    mkdirSync(join(dir, 'out.pdf'));
    const onto = await run([
      'report',
      repoPath('examples/deeplake-ai.json'),
      '--out',
      join(dir, 'out.pdf'),
    ]);
    expect([onto.code, onto.err]).toEqual([
      1,
      `${join(dir, 'out.pdf')}: is a folder: give the name of the file to write`,
    ]);
  });

  it('a named pipe, without waiting on it forever', () => {
    const fifo = join(folder(), 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    // As a process: a hang is what this guards against, so the test must not hang with it.
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', repoPath('src/cli/main.ts'), 'score', fifo],
      { encoding: 'utf8', cwd: repoPath('.'), timeout: 60_000 },
    );
    expect(result.error).toBeUndefined();
    expect([result.status, result.stdout, result.stderr]).toEqual([
      1,
      '',
      `${fifo}: is not a regular file (a pipe, device or socket): give a file\n`,
    ]);
  });

  it('in Chinese with --lang zh', async () => {
    const dir = folder();
    expect((await run(['score', dir, '--lang', 'zh'])).err).toBe(`${dir}: 是文件夹，不是文件`);
  });
});

describe('the CLI reads text as the browser does', () => {
  it('accepts a UTF-8 file that starts with a byte-order mark', async () => {
    const file = fileWith('bom.json', `\uFEFF${serializeAssessment(example)}`);
    expect((await run(['score', file, '--json'])).code).toBe(0);
  });

  it('refuses a Latin-1 file, saying it is not UTF-8, instead of printing mojibake', async () => {
    const named = { ...example, company: { ...example.company, name: 'Café Zürich' } };
    const latin1 = Uint8Array.from(serializeAssessment(named), (c) => c.charCodeAt(0) & 0xff);
    const file = fileWith('latin1.json', latin1);
    const { code, out, err } = await run(['score', file]);
    expect([code, out]).toEqual([1, '']);
    expect(err).toMatch(/^.*latin1\.json: the file is not UTF-8 text/);
  });
});

describe('the PDF metadata', () => {
  it('keeps no control or bidi character in Title, Subject or Author', async () => {
    const out = join(folder(), 'report.pdf');
    const hostile = {
      ...example,
      company: { ...example.company, name: 'Evil\u202eAI\u0007\u001b[8m\u0000Co' },
      evaluator: { name: 'Mallory\u0000\u202e', role: 'investor' as const },
    };
    const { code } = await run([
      'report',
      fileWith('h.json', serializeAssessment(hostile)),
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const info = pdfInfo(out);
    for (const field of ['Title', 'Subject', 'Author']) {
      expect(info[field], field).toBeDefined();
      expect(info[field], field).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
    expect(info.Title).toContain('EvilAI[8mCo');
    expect(info.Author).toContain('Mallory');
  });
});
