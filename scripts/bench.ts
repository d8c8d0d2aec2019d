/**
 * Prints throughput figures for the README. Run with `npm run bench`.
 * Figures, not assertions: a slow shared machine should not fail a build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { listCriteria } from '../src/core/rubric-index';
import { type Answers, type Rubric } from '../src/core/schema';
import { EVIDENCE } from '../src/core/vocabulary';
import { scoreAssessment } from '../src/core/score-assessment';
import { validateRubric } from '../src/core/validate-rubric';
import { measureBundle } from './bundle-size';
import { readFontFile } from '../src/cli/cli-io';
import { parseAssessment } from '../src/core/assessment-file';
import { createReport } from '../src/report/create-report';
import { benchMetrics } from './bench-metrics';

const ASSESSMENTS = 100_000;
const rubricsDir = new URL('../rubrics/', import.meta.url);

/** A small deterministic generator, so every run scores the same assessments. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function generate(rubric: Rubric, count: number): Answers[] {
  const next = random(42);
  const criteria = listCriteria(rubric);
  return Array.from({ length: count }, () => {
    const answers: Answers = {};
    for (const { fullId, criterion } of criteria) {
      if (next() < 0.1) continue; // some drafts
      const level = criterion.levels[Math.floor(next() * criterion.levels.length)]!;
      answers[fullId] = {
        value: level.value,
        evidence: EVIDENCE[Math.floor(next() * 3)]!,
        notes: '',
        facts: [],
      };
    }
    return answers;
  });
}

function time<T>(label: string, count: number, unit: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  const ms = performance.now() - start;
  console.log(
    `${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${Math.round((count / ms) * 1000)
      .toLocaleString('en-US')
      .padStart(10)} ${unit}/s`,
  );
  return result;
}

const presetFiles = readdirSync(rubricsDir).filter(
  (f) => f.endsWith('.json') && !f.endsWith('.schema.json'),
);
const presets = presetFiles.map((file) => ({
  file,
  json: JSON.parse(readFileSync(new URL(file, rubricsDir), 'utf8')) as unknown,
}));

console.log(`node ${process.version}\n`);
const VALIDATIONS = 1_000;
for (const { file, json } of presets) {
  time(`validate ${file} ×${VALIDATIONS}`, VALIDATIONS, 'rubrics', () => {
    for (let i = 0; i < VALIDATIONS; i += 1) {
      if (!validateRubric(json).ok) throw new Error(`${file} is invalid`);
    }
  });
}

const checked = validateRubric(presets[0]!.json);
if (!checked.ok) throw new Error('first preset invalid');
const rubric = checked.value;
const answerSets = time(
  `generate ${ASSESSMENTS.toLocaleString('en-US')} assessments`,
  ASSESSMENTS,
  'assessments',
  () => generate(rubric, ASSESSMENTS),
);
let checksum = 0;
time(
  `score ${ASSESSMENTS.toLocaleString('en-US')} assessments (full results)`,
  ASSESSMENTS,
  'assessments',
  () => {
    for (const answers of answerSets) checksum += scoreAssessment(rubric, answers).overall ?? 0;
  },
);
console.log(
  `\nmean overall score ${(checksum / ASSESSMENTS).toFixed(2)} (a checksum: the same every run)`,
);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sizes = await measureBundle();
console.log('\nbundle (gzip -9)');
console.log(
  `first screen JavaScript                      ${kb(sizes.firstScreenJs).padStart(9)}   (aim: under 100 KB)`,
);
console.log(`first screen CSS                             ${kb(sizes.firstScreenCss).padStart(9)}`);
// Everything else loads on demand; the small chunks are left out.
for (const [name, size] of [...sizes.chunks].sort((a, b) => b[1] - a[1])) {
  if (size >= 2048 && !name.startsWith('index'))
    console.log(`  loaded later: ${name.padEnd(30)} ${kb(size).padStart(9)}`);
}

console.log('\nPDF report of examples/deeplake-ai.json (Node, fonts read from disk)');
const example = parseAssessment(
  readFileSync(new URL('../examples/deeplake-ai.json', import.meta.url), 'utf8'),
);
if (!example.ok) throw new Error('example invalid');
const englishOnly = {
  ...example.value,
  company: { ...example.value.company, name: 'DeepLake AI', sector: 'LLM tooling' },
  evaluator: { ...example.value.evaluator, name: 'Li Wei' },
  answers: Object.fromEntries(
    Object.entries(example.value.answers).map(([id, a]) => [
      id,
      { ...a, notes: a.notes.split(' / ')[0] ?? '' },
    ]),
  ),
};
const cases = [
  ['English, English-only text', englishOnly, 'en'],
  ['English, with Chinese names and notes', example.value, 'en'],
  ['Chinese', example.value, 'zh'],
] as const;
for (const [label, assessment, lang] of cases) {
  const times: number[] = [];
  let size = 0;
  let pages = 0;
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    const report = await createReport({
      assessment,
      lang,
      paper: 'a4',
      readFont: readFontFile,
      now: new Date(),
    });
    times.push(performance.now() - start);
    size = report.bytes.length;
    pages = report.pages;
  }
  const first = times[0]!;
  const rest = times.slice(1).sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)]!;
  console.log(
    `${label.padEnd(40)} ${kb(size).padStart(9)}  ${pages} pages  first ${first.toFixed(0)} ms, then ${rest.toFixed(0)} ms (median)`,
  );
}

benchMetrics();
