import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Answers, type Assessment, type Rubric } from '../../src/core/schema';
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION, type Evidence } from '../../src/core/vocabulary';
import { parseAssessment } from '../../src/core/assessment-file';
import { validateRubric } from '../../src/core/validate-rubric';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** A path inside the repository; works in node and jsdom test environments alike. */
export const repoPath = (relative: string) => resolve(root, relative);

export function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(repoPath(relative), 'utf8'));
}

export function loadRubric(relative: string): Rubric {
  const checked = validateRubric(readJson(relative));
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.value;
}

export const tinyRubric = () => loadRubric('tests/fixtures/rubrics/tiny.json');

/** Answers from `{ 'alpha.x': [4, 'assumed'] }`. */
export function answers(
  spec: Record<string, [number, Evidence] | [number, Evidence, string]>,
): Answers {
  return Object.fromEntries(
    Object.entries(spec).map(([id, [value, evidence, notes]]) => [
      id,
      { value, evidence, notes: notes ?? '', facts: [] },
    ]),
  );
}

export function makeAssessment(
  rubric: Rubric,
  given: Answers,
  overrides: Partial<Assessment> = {},
): Assessment {
  return {
    format: ASSESSMENT_FORMAT,
    version: ASSESSMENT_VERSION,
    id: 'test-assessment',
    deal: 'deeplake-ai',
    company: { name: 'DeepLake AI', stage: 'seed', sector: 'LLM tooling' },
    evaluator: { name: 'Li Wei', role: 'founder' },
    createdAt: '2026-11-29T10:00:00.000Z',
    updatedAt: '2026-11-29T10:20:00.000Z',
    rubric,
    answers: given,
    dealBreakers: {},
    ...overrides,
  };
}

/** The example shipped in the repository, parsed as the app parses it. */
export function loadExample(): Assessment {
  const parsed = parseAssessment(readFileSync(repoPath('examples/deeplake-ai.json'), 'utf8'));
  if (!parsed.ok) throw new Error('examples/deeplake-ai.json is invalid');
  return parsed.value;
}
