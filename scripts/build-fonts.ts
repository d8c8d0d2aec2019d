/**
 * Makes the TrueType subsets the PDF report embeds, from OFL fonts on the npm
 * registry. Run `npm run fonts` only to change them: the outputs are committed
 * (public/fonts/), so installs and CI never download 90 MB of font sources.
 *
 * jsPDF needs TrueType (glyf) outlines: no WOFF2, no CFF. The openfonts "_all"
 * WOFF2 files have TrueType outlines; subset-font (harfbuzz) unpacks and subsets them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SOURCES = {
  sc: '@openfonts/noto-sans-sc_all@1.44.1',
  latin: '@openfonts/noto-sans_all@1.44.3',
};
const SUBSET_FONT = 'subset-font@2.9.0';
const OUT = new URL('../public/fonts/', import.meta.url);

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');

/** Every character of GB2312: the 6,763 hanzi and its symbol rows. */
function gb2312(): string {
  const decoder = new TextDecoder('gbk');
  let text = '';
  for (let row = 0xa1; row <= 0xf7; row += 1) {
    if (row >= 0xaa && row <= 0xaf) continue;
    for (let cell = 0xa1; cell <= 0xfe; cell += 1) {
      const char = decoder.decode(new Uint8Array([row, cell]));
      if (char !== '\ufffd') text += char;
    }
  }
  return text;
}

/** Characters the report itself writes, whatever the user types. */
function projectText(): string {
  const files = [
    ...readdirSync(new URL('../rubrics/', import.meta.url))
      .filter((f) => f.endsWith('.json'))
      .map((f) => new URL(`../rubrics/${f}`, import.meta.url)),
    new URL('../src/i18n/zh.json', import.meta.url),
    new URL('../src/i18n/en.json', import.meta.url),
  ];
  return files.map((file) => readFileSync(file, 'utf8')).join('');
}

const PUNCTUATION = range(0x2010, 0x2027) + range(0x2030, 0x205e) + '□−±≤≥×÷→←↑↓•…';
const LATIN =
  range(0x20, 0x7e) +
  range(0xa0, 0x24f) +
  range(0x1e00, 0x1eff) +
  range(0x370, 0x3ff) +
  range(0x400, 0x4ff) +
  range(0x20a0, 0x20bf);
const CJK =
  gb2312() +
  range(0x20, 0x7e) +
  range(0xa0, 0x17f) +
  range(0x3000, 0x303f) +
  range(0xff01, 0xff5e) +
  projectText();

const work = mkdtempSync(join(tmpdir(), 'moatscore-fonts-'));
const npm = (...args: string[]) =>
  execFileSync('npm', args, { cwd: work, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
npm('init', '-y');
npm('install', '--no-save', '-E', SUBSET_FONT);
for (const spec of Object.values(SOURCES)) {
  const tarball = npm('pack', '--silent', spec).trim().split('\n').at(-1)!;
  execFileSync('tar', ['xzf', tarball, '--one-top-level=' + tarball.replace(/\.tgz$/, '')], {
    cwd: work,
  });
}
const { default: subsetFont } = (await import(
  pathToFileURL(join(work, 'node_modules/subset-font/index.js')).href
)) as {
  default: (
    font: Buffer,
    text: string,
    options: { targetFormat: 'truetype'; noHinting: boolean },
  ) => Promise<Buffer>;
};
const source = (spec: string, weight: number) => {
  const dir = readdirSync(work).find(
    (d) => d.startsWith(spec.slice(1).replace('/', '-').replace(/@.*/, '')) && !d.endsWith('.tgz'),
  )!;
  const files = join(work, dir, 'package/files');
  return readFileSync(
    join(
      files,
      readdirSync(files).find((f) => f.endsWith(`-all-${weight}.woff2`))!,
    ),
  );
};

const outputs: [string, Buffer, string][] = [
  ['noto-sans-sc-regular.ttf', source(SOURCES.sc, 400), CJK + PUNCTUATION],
  ['noto-sans-regular.ttf', source(SOURCES.latin, 400), LATIN + PUNCTUATION],
  ['noto-sans-bold.ttf', source(SOURCES.latin, 700), LATIN + PUNCTUATION],
];
for (const [name, font, text] of outputs) {
  // Hinting instructions double the glyph data and PDF viewers do without them.
  const subset = await subsetFont(font, text, { targetFormat: 'truetype', noHinting: true });
  writeFileSync(new URL(name, OUT), subset);
  console.log(`${name}: ${(subset.length / 1024).toFixed(0)} KB`);
}
