import { describe, expect, it } from 'vitest';
import { problemText } from '../../src/i18n/problem-text';
import { parseAssessment, serializeAssessment } from '../../src/core/assessment-file';
import { migrateAssessment } from '../../src/core/migrations/migrate-assessment';
import { v2ToV3 } from '../../src/core/migrations/v2-to-v3';
import { ASSESSMENT_VERSION } from '../../src/core/vocabulary';
import { answers, makeAssessment, tinyRubric } from '../helpers/fixtures';
import { stagedRubric } from '../helpers/staged-rubric';

const rubric = stagedRubric();
const assessment = makeAssessment(
  rubric,
  {
    'beta.q': { value: 2, evidence: 'assumed', notes: '', facts: [] },
    // Ticked out of checklist order: the file writes them in checklist order.
    'alpha.x': { value: 2, evidence: 'verified', notes: 'x', facts: ['x2a', 'x1b', 'x1a'] },
  },
  { dealBreakers: { runway: 'no', ip: 'yes' } },
);

const problemsOf = (file: unknown) => {
  const parsed = parseAssessment(JSON.stringify(file));
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.problems.map((p) => ({ path: p.path, message: problemText(p, 'en') }));
};
const written = () =>
  JSON.parse(serializeAssessment(assessment)) as {
    answers: Record<string, { facts: unknown[] }>;
    dealBreakers: Record<string, unknown>;
  };

describe('assessment file version 3', () => {
  it('writes ticked facts in checklist order and deal-breakers after the answers, in rubric order', () => {
    const text = serializeAssessment(assessment);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(file).slice(-2)).toEqual(['answers', 'dealBreakers']);
    expect(written().answers['alpha.x']?.facts).toEqual(['x1a', 'x1b', 'x2a']);
    expect(Object.keys(written().answers['alpha.x']!)).toEqual([
      'value',
      'evidence',
      'notes',
      'facts',
    ]);
    expect(Object.keys(written().dealBreakers)).toEqual(['ip', 'runway']);
  });

  it('reads back what it writes, byte for byte', () => {
    const text = serializeAssessment(assessment);
    const parsed = parseAssessment(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(serializeAssessment(parsed.value)).toBe(text);
    expect(parsed.value.dealBreakers).toEqual({ ip: 'yes', runway: 'no' });
  });

  it('refuses a fact that is not in the criterion’s checklists, naming it', () => {
    const file = written();
    file.answers['alpha.x']!.facts = ['x1a', 'y1a'];
    expect(problemsOf(file)).toEqual([
      { path: 'answers.alpha.x.facts[1]', message: 'no fact "y1a" in the checklists of "alpha.x"' },
    ]);
  });

  it('refuses a fact ticked twice, and facts for a criterion without a checklist', () => {
    const file = written();
    file.answers['alpha.x']!.facts = ['x1a', 'x1a'];
    file.answers['beta.q']!.facts = ['x1a'];
    expect(problemsOf(file)).toEqual([
      { path: 'answers.alpha.x.facts[1]', message: '"x1a" is ticked twice' },
      {
        path: 'answers.beta.q.facts[0]',
        message: '"x1a" cannot be ticked: "beta.q" has no checklist',
      },
    ]);
  });

  it('refuses an unknown deal-breaker and an answer other than yes or no', () => {
    const unknown = written();
    unknown.dealBreakers.founders = 'yes';
    expect(problemsOf(unknown)).toEqual([
      {
        path: 'dealBreakers.founders',
        message: 'no deal-breaker "founders" in the rubric: must be one of ip, runway',
      },
    ]);
    const maybe = written();
    maybe.dealBreakers.ip = 'maybe';
    expect(problemsOf(maybe)[0]?.path).toBe('dealBreakers.ip');
  });

  it('refuses deal-breaker answers when the rubric has no deal-breakers', () => {
    const file = JSON.parse(
      serializeAssessment(makeAssessment(tinyRubric(), answers({ 'alpha.x': [1, 'assumed'] }))),
    ) as Record<string, unknown>;
    file.dealBreakers = { ip: 'no' };
    expect(problemsOf(file)).toEqual([
      { path: 'dealBreakers.ip', message: 'the rubric "tiny" has no deal-breakers' },
    ]);
  });
});

describe('migration from version 2', () => {
  const v2 = () => {
    const file = JSON.parse(
      serializeAssessment(
        makeAssessment(tinyRubric(), answers({ 'alpha.x': [4, 'verified', 'note'] })),
      ),
    ) as Record<string, unknown> & { answers: Record<string, Record<string, unknown>> };
    delete file.answers['alpha.x']!.facts;
    delete file.dealBreakers;
    return { ...file, version: 2 };
  };

  it('gives every answer an empty list of facts and the file no deal-breaker answers', () => {
    expect(v2ToV3(v2())).toMatchObject({
      version: 3,
      answers: { 'alpha.x': { value: 4, evidence: 'verified', notes: 'note', facts: [] } },
      dealBreakers: {},
    });
  });

  it('is what parsing a version 2 file does, and running it again changes nothing', () => {
    const parsed = parseAssessment(JSON.stringify(v2()));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value.version).toBe(ASSESSMENT_VERSION);
    expect(parsed.value.answers['alpha.x']?.facts).toEqual([]);
    const once = migrateAssessment(v2());
    if (!once.ok) throw new Error('migration failed');
    expect(migrateAssessment(once.value)).toEqual(once);
    expect(v2ToV3(v2ToV3(v2()))).toEqual(v2ToV3(v2()));
  });

  it('leaves what is not shaped like an answer for validation to report', () => {
    const file = { ...v2(), answers: { 'alpha.x': 'four' } };
    expect(v2ToV3(file).answers).toEqual({ 'alpha.x': 'four' });
    expect(problemsOf(file)[0]?.path).toBe('answers.alpha.x');
  });
});
