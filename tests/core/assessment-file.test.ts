import { describe, expect, it } from 'vitest';
import { parseAssessment, serializeAssessment } from '../../src/core/assessment-file';
import { problemText } from '../../src/i18n/problem-text';
import { answers, makeAssessment, readJson, repoPath, tinyRubric } from '../helpers/fixtures';
import { readFileSync } from 'node:fs';

const rubric = tinyRubric();
const assessment = makeAssessment(
  rubric,
  answers({
    'beta.q': [2, 'assumed', '🚀 emoji, 中文笔记, and "quotes"\nsecond line'],
    'alpha.x': [4, 'verified', 'x'.repeat(5000)],
  }),
  { company: { name: '深湖智能 / DeepLake ⚡', stage: 'seed', sector: '' } },
);

/** Each problem as a user reads it in English: where, and what. */
const problemsOf = (text: string) => {
  const parsed = parseAssessment(text);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.problems.map((p) => ({ path: p.path, message: problemText(p, 'en') }));
};

describe('assessment file round trip', () => {
  it('reads back what it writes, byte for byte, with Chinese, emoji and 5,000-character notes', () => {
    const text = serializeAssessment(assessment);
    const parsed = parseAssessment(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toEqual(assessment);
    expect(serializeAssessment(parsed.value)).toBe(text);
  });

  it('writes answers in rubric order whatever order they were given in', () => {
    const text = serializeAssessment(assessment);
    expect(text.indexOf('"alpha.x"')).toBeLessThan(text.indexOf('"beta.q"'));
  });

  it('reads the example shipped in the repository, whose rubric snapshot is the current founder preset', () => {
    const parsed = parseAssessment(readFileSync(repoPath('examples/deeplake-ai.json'), 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.rubric).toEqual(readJson('rubrics/ai-startup-founder.json'));
    expect(Object.keys(parsed.value.answers)).toHaveLength(12);
  });
});

describe('assessment file refusals name the field', () => {
  const valid = () =>
    JSON.parse(serializeAssessment(assessment)) as Record<string, unknown> & {
      answers: Record<string, Record<string, unknown>>;
    };

  it('refuses an answer out of range', () => {
    const file = valid();
    file.answers['alpha.x']!.value = 7;
    expect(problemsOf(JSON.stringify(file))).toEqual([
      { path: 'answers.alpha.x.value', message: '7 is out of range: must be one of 1, 2, 3, 4, 5' },
    ]);
  });

  it('refuses an answer for a criterion the rubric does not have', () => {
    const file = valid();
    file.answers['alpha.nope'] = { value: 1, evidence: 'verified', notes: '' };
    expect(problemsOf(JSON.stringify(file))[0]).toMatchObject({
      path: 'answers.alpha.nope',
      message: expect.stringMatching(/no criterion "alpha.nope"/),
    });
  });

  it('refuses an unknown evidence tag', () => {
    const file = valid();
    file.answers['beta.q']!.evidence = 'rumour';
    expect(problemsOf(JSON.stringify(file))[0]?.path).toBe('answers.beta.q.evidence');
  });

  it('refuses a broken rubric snapshot with the rubric rule that fails', () => {
    const file = valid() as ReturnType<typeof valid> & {
      rubric: { sections: { weight: number }[] };
    };
    file.rubric.sections[0]!.weight = 10;
    expect(problemsOf(JSON.stringify(file))[0]).toMatchObject({
      path: 'rubric.sections',
      message: expect.stringMatching(/sum to 50/),
    });
  });

  it('refuses truncated JSON, an empty file and other formats', () => {
    const text = serializeAssessment(assessment);
    expect(problemsOf(text.slice(0, 200))[0]?.message).toMatch(/not valid JSON/);
    expect(problemsOf('')[0]?.message).toMatch(/empty/);
    expect(problemsOf('{"format":"something.else"}')[0]).toMatchObject({ path: 'format' });
  });

  it('refuses a file from a newer version, saying so', () => {
    const file = valid();
    file.version = 99;
    expect(problemsOf(JSON.stringify(file))[0]).toMatchObject({
      path: 'version',
      message: expect.stringMatching(/newer Moatscore/),
    });
  });

  it('refuses prototype keys before anything copies them', () => {
    const text = serializeAssessment(assessment).replace(
      '"answers": {',
      '"answers": {"__proto__": {"polluted": true},',
    );
    expect(problemsOf(text)[0]).toMatchObject({
      path: 'answers.__proto__',
      message: expect.stringMatching(/not allowed/),
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(problemsOf(deep)[0]?.message).toMatch(/nested more than/);
  });
});
