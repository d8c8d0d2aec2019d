import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAssessment, validateAssessment } from '../../src/core/assessment-file';
import { rescoreUnderRubric } from '../../src/core/rescore';
import type { Rubric } from '../../src/core/schema';
import { scoreAssessmentFile } from '../../src/core/score-assessment-file';
import { validateRubric } from '../../src/core/validate-rubric';
import { ASSESSMENT_VERSION } from '../../src/core/vocabulary';
import { answers, loadRubric, makeAssessment, readJson, repoPath } from '../helpers/fixtures';
import { sampleEvidence } from '../helpers/model-evidence';
import { stagedRubric } from '../helpers/staged-rubric';

/*
 * Old: stagedRubric() (tiny.json plus checklists on alpha.x). New, "2.0.0":
 * - alpha.z's levels become 0, 5, 10: the answer 2 has no level any more;
 * - beta.q is gone and beta.r (weight 25) is new;
 * - alpha.x's level-1 fact "x1b" is renamed "x1c";
 * - the deal-breaker "runway" is gone.
 * No stage expectations in either, so verdicts read the plain score.
 */
function rubrics(): { before: Rubric; after: Rubric } {
  const before = stagedRubric();
  for (const s of before.sections) for (const c of s.criteria) delete c.expected;
  delete before.stageBand;
  const after = structuredClone(before);
  after.version = '2.0.0';
  const [alpha, beta] = after.sections;
  alpha!.criteria[2]!.levels[1]!.value = 5;
  const q = beta!.criteria[1]!;
  beta!.criteria[1] = { ...structuredClone(q), id: 'r', name: { en: 'R', zh: '项目r' } };
  alpha!.criteria[0]!.levels[0]!.checklist![1]!.id = 'x1c';
  after.dealBreakers = after.dealBreakers!.filter((d) => d.id !== 'runway');
  return { before, after };
}

const { before, after } = rubrics();
const old = makeAssessment(
  before,
  {
    ...answers({
      'alpha.y': [3, 'estimated'],
      'alpha.z': [2, 'verified'],
      'beta.p': [5, 'verified'],
      'beta.q': [1, 'assumed'],
    }),
    'alpha.x': { value: 4, evidence: 'assumed', notes: 'kept', facts: ['x1a', 'x1b', 'x2a'] },
  },
  { dealBreakers: { ip: 'yes', runway: 'no' } },
);

describe('rescoreUnderRubric', () => {
  const result = rescoreUnderRubric(old, after);

  it('starts from two valid rubrics and a valid assessment', () => {
    expect(validateRubric(after).ok).toBe(true);
    expect(validateAssessment(old).ok).toBe(true);
  });

  it('carries answers where the criterion id and level value exist, and says why others drop', () => {
    expect(Object.keys(result.assessment.answers)).toEqual(['alpha.x', 'alpha.y', 'beta.p']);
    expect(result.assessment.answers['alpha.x']).toEqual({
      value: 4,
      evidence: 'assumed',
      notes: 'kept',
      facts: ['x1a', 'x2a'],
    });
    expect(result.dropped).toEqual([
      { id: 'alpha.z', value: 2, reason: 'no-level' },
      { id: 'beta.q', value: 1, reason: 'no-criterion' },
    ]);
    expect(result.droppedFacts).toEqual([{ id: 'alpha.x', facts: ['x1b'] }]);
    expect(result.assessment.dealBreakers).toEqual({ ip: 'yes' });
    expect(result.droppedDealBreakers).toEqual(['runway']);
  });

  it('gives a new assessment that validates under the new rubric and leaves the old one alone', () => {
    expect(validateAssessment(result.assessment).ok).toBe(true);
    expect(result.assessment.rubric).toBe(after);
    expect(result.assessment.id).toBe(old.id);
    expect(old.rubric).toBe(before);
    expect(Object.keys(old.answers)).toHaveLength(5);
  });

  it('returns the overall and verdict before and after, computed by hand', () => {
    // Before: x 75 · y 50 · z 20 · p 100 · q 0 -> 0.6·56.5 + 0.4·75 = 63.9 ("mid").
    expect(result.overall.before).toBeCloseTo(63.9, 10);
    expect(result.verdict.before?.band.id).toBe('mid');
    // After: z and q unanswered -> alpha (50·75 + 30·50)/80 = 65.625, beta 100 -> 79.375 ("high").
    expect(result.overall.after).toBeCloseTo(0.6 * 65.625 + 0.4 * 100, 10);
    expect(result.verdict.after?.band.id).toBe('high');
  });

  it('lists every criterion of the new rubric, then those only the old one had', () => {
    expect(result.criteria.map((c) => c.id)).toEqual([
      'alpha.x',
      'alpha.y',
      'alpha.z',
      'beta.p',
      'beta.r',
      'beta.q',
    ]);
    const byId = (id: string) => result.criteria.find((c) => c.id === id)!;
    expect(byId('alpha.x').before).toMatchObject({ value: 4, levelNumber: 4, percent: 75 });
    expect(byId('alpha.x').after).toMatchObject({ value: 4, levelNumber: 4, percent: 75 });
    expect(byId('alpha.z')).toMatchObject({ before: { value: 2, percent: 20 }, after: null });
    expect(byId('beta.r')).toMatchObject({ before: null, after: null });
    expect(byId('beta.q')).toMatchObject({ before: { value: 1, percent: 0 }, after: null });
  });

  it('changes nothing when re-scored under the rubric it already has', () => {
    const same = rescoreUnderRubric(old, before);
    expect(same.assessment).toEqual(old);
    expect(same.dropped).toEqual([]);
    expect(same.overall.after).toBe(same.overall.before);
    expect(same.criteria.every((c) => c.before?.percent === c.after?.percent)).toBe(true);
  });
});

describe('re-scoring a 1.0.0 assessment under the 2.0.0 preset', () => {
  // The example as it shipped before: file version 2, a snapshot of the 1.0.0 founder preset.
  const parsed = parseAssessment(
    readFileSync(repoPath('tests/fixtures/deeplake-ai-v2-rubric-1.0.0.json'), 'utf8'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const old = parsed.value;
  const result = rescoreUnderRubric(old, loadRubric('rubrics/ai-startup-founder.json'));

  it('still reads the old file, migrated, with its old snapshot', () => {
    expect(old.version).toBe(ASSESSMENT_VERSION);
    expect(old.rubric.version).toBe('1.0.0');
    expect(old.rubric).toEqual(readJson('rubrics/archive/ai-startup-founder-1.0.0.json'));
    expect(old.dealBreakers).toEqual({});
  });

  it('carries all twelve answers: same criterion ids, levels 1–5 in both', () => {
    expect(result.dropped).toEqual([]);
    expect(result.assessment.answers).toEqual(old.answers);
    expect(result.assessment.rubric.version).toBe('2.0.0');
  });

  it('reports the old and new overall, computed by hand from each version’s weights', () => {
    // Answers 4 4 4 3 3 4 | 4 4 3 2 3 4, i.e. 75 75 75 50 50 75 | 75 75 50 25 50 75 percent.
    // 1.0.0: market 50 × (20 15 20 15 10 20), differentiation 50 × (20 20 15 10 20 15).
    const before = 0.5 * 68.75 + 0.5 * 61.25;
    // 2.0.0: market 60 × (30 10 10 5 5 40), differentiation 40 × (10 35 10 5 30 10).
    const after = 0.6 * 72.5 + 0.4 * 62.5;
    expect(result.overall.before).toBeCloseTo(before, 10); // 65
    expect(result.overall.after).toBeCloseTo(after, 10); // 68.5
    // 1.0.0 has no stage expectations: its verdict reads the plain score.
    expect(result.verdict.before).toMatchObject({ basis: 'score', band: { id: 'fundable' } });
    // 2.0.0 reads it against seed (bar 40.25): 60 + 40 · (68.5 − 40.25) / 59.75 = 78.9.
    expect(result.verdict.after).toMatchObject({ basis: 'stage', band: { id: 'fundable' } });
    const changed = result.criteria.filter((c) => c.before?.percent !== c.after?.percent);
    expect(changed).toEqual([]);
  });

  it('leaves the new deal-breakers unanswered rather than guessing', () => {
    expect(result.assessment.dealBreakers).toEqual({});
    expect(scoreAssessmentFile(result.assessment).unansweredDealBreakers).toHaveLength(6);
  });
});

describe('re-scoring an answer that carries model evidence', () => {
  // sampleEvidence: F1 gain 5.2 points (3.1 to 7.4), 1,200 items, accepted at level 4.
  const founder = loadRubric('rubrics/ai-startup-founder.json');
  const id = 'differentiation.algorithms';
  const withEvidence = makeAssessment(founder, {
    [id]: {
      value: 4,
      evidence: 'verified',
      notes: '',
      facts: [],
      modelEvidence: [sampleEvidence()],
    },
  });
  /** The founder preset with level 4 asking for a gain of `points`. */
  const stricter = (points: number): Rubric => {
    const rubric = structuredClone(founder) as Rubric;
    const algorithms = rubric.sections[1]!.criteria.find((c) => c.id === 'algorithms')!;
    algorithms.levels[3]!.evidenceThreshold = { metrics: ['f1'], delta: points };
    return rubric;
  };

  it('keeps the acceptance where the new thresholds support the same level', () => {
    const result = rescoreUnderRubric(withEvidence, stricter(5));
    expect(result.assessment.answers[id]!.modelEvidence).toEqual([sampleEvidence()]);
    expect(result.evidenceChanges).toEqual([]);
  });

  it('reads the level again, and drops the acceptance, where they support another', () => {
    // 5.2 points fall short of 6: level 3 (the gain's interval is above zero) and not accepted.
    const result = rescoreUnderRubric(withEvidence, stricter(6));
    expect(result.assessment.answers[id]!.modelEvidence).toEqual([
      sampleEvidence({ suggestedLevel: 3, accepted: false }),
    ]);
    expect(validateAssessment(JSON.parse(JSON.stringify(result.assessment))).ok).toBe(true);
    // And says so, for the rater to check before applying.
    expect(result.evidenceChanges).toEqual([
      { id, task: sampleEvidence().task, before: 4, after: 3, acceptanceWithdrawn: true },
    ]);
  });
});
