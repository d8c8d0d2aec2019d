import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../src/core/score-assessment';
import { stageRelativeScore } from '../../src/core/stage-expectation';
import { validateRubric } from '../../src/core/validate-rubric';
import { answers } from '../helpers/fixtures';
import { stagedRubric } from '../helpers/staged-rubric';

/*
 * stagedRubric(): tiny.json (alpha 60: x 50, y 30, z 20 · beta 40: p 75, q 25;
 * bands low [0, 40) · mid [40, 70) · high [70, 100]) with expectations
 * seed x 3 · y 2 · z 2 · p 4 · q 2 and growth x 5 · y 4 · z 10 · p 5 · q 4,
 * every lowest level before seed, and "mid" as the stage band (line F = 40).
 */
const rubric = stagedRubric();
const caseA = answers({
  'alpha.x': [4, 'assumed'],
  'alpha.y': [3, 'estimated'],
  'alpha.z': [2, 'verified'],
  'beta.p': [5, 'verified'],
  'beta.q': [1, 'assumed'],
});
// Percents: x 75 · y 50 · z 20 · p 100 · q 0, so T = 0.6·56.5 + 0.4·75 = 63.9 ("mid" by score).
const T = 0.6 * ((50 * 75 + 30 * 50 + 20 * 20) / 100) + 0.4 * ((75 * 100 + 25 * 0) / 100);

describe('the stage-relative reading', () => {
  it('is valid as a rubric', () => {
    expect(validateRubric(rubric)).toMatchObject({ ok: true });
  });

  it('maps 0 to 0, the bar to the line, 100 to 100, and is linear in between', () => {
    expect(stageRelativeScore(0, 50, 60)).toBe(0);
    expect(stageRelativeScore(50, 50, 60)).toBe(60);
    expect(stageRelativeScore(100, 50, 60)).toBe(100);
    expect(stageRelativeScore(25, 50, 60)).toBe(30);
    expect(stageRelativeScore(75, 50, 60)).toBe(80);
    // A bar of 0 (the lowest level expected everywhere) or of 100 still gives a reading.
    expect(stageRelativeScore(0, 0, 60)).toBe(60);
    expect(stageRelativeScore(50, 0, 60)).toBe(80);
    expect(stageRelativeScore(100, 100, 60)).toBe(60);
  });

  it('reads a seed company against seed expectations, criterion by criterion', () => {
    const results = scoreAssessment(rubric, caseA, { stage: 'seed' });
    const standing = (id: string) => results.criteria.find((c) => c.id === id)?.stage;
    expect(standing('alpha.x')).toEqual({
      stage: 'seed',
      expected: 3,
      expectedLevelNumber: 3,
      standing: 'ahead',
      gap: 1,
    });
    expect(standing('alpha.z')).toMatchObject({ expected: 2, expectedLevelNumber: 2, gap: 0 });
    expect(standing('beta.q')).toMatchObject({ standing: 'behind', gap: -1 });
    expect(results.stage).toMatchObject({
      ahead: ['alpha.x', 'alpha.y', 'beta.p'],
      at: ['alpha.z'],
      behind: ['beta.q'],
    });
  });

  it('computes the bar from the expected levels and the verdict from the mapped score', () => {
    const results = scoreAssessment(rubric, caseA, { stage: 'seed' });
    // Expected percents x 50 · y 25 · z 20 · p 75 · q 25.
    const bar = 0.6 * ((50 * 50 + 30 * 25 + 20 * 20) / 100) + 0.4 * ((75 * 75 + 25 * 25) / 100);
    expect(bar).toBeCloseTo(46.9, 10);
    const mapped = 40 + (60 * (T - bar)) / (100 - bar); // 59.2
    expect(results.overall).toBeCloseTo(T, 10);
    expect(results.stage?.bar).toBeCloseTo(bar, 10);
    expect(results.stage?.line).toBe(40);
    expect(results.stage?.score).toBeCloseTo(mapped, 10);
    expect(results.verdict).toMatchObject({ band: { id: 'mid' }, basis: 'stage', capped: false });
  });

  it('judges the same answers more harshly at growth and more kindly at idea', () => {
    // Growth expects x 100 · y 75 · z 100 · p 100 · q 75 percent: bar 0.6·92.5 + 0.4·93.75 = 93.
    const growth = scoreAssessment(rubric, caseA, { stage: 'growth' });
    expect(growth.stage?.bar).toBeCloseTo(93, 10);
    expect(growth.stage?.score).toBeCloseTo((40 * T) / 93, 10); // 27.5
    expect(growth.verdict?.band.id).toBe('low');
    // Idea expects the lowest level everywhere: bar 0, so 63.9 reads 40 + 0.6·63.9 = 78.3.
    const idea = scoreAssessment(rubric, caseA, { stage: 'idea' });
    expect(idea.stage?.bar).toBe(0);
    expect(idea.stage?.score).toBeCloseTo(40 + 0.6 * T, 10);
    expect(idea.verdict?.band.id).toBe('high');
    // The plain score does not move with the stage.
    expect(growth.overall).toBeCloseTo(idea.overall!, 10);
  });

  it('maps the evidence range with the same bar', () => {
    const results = scoreAssessment(rubric, caseA, { stage: 'seed' });
    const { bar, line, range } = results.stage!;
    expect(range[0]).toBeCloseTo(stageRelativeScore(results.range![0], bar, line), 10);
    expect(range[1]).toBeCloseTo(stageRelativeScore(results.range![1], bar, line), 10);
  });

  it('compares like with like on a partial assessment: the bar covers the answered criteria only', () => {
    const partial = answers({ 'alpha.x': [3, 'verified'], 'beta.p': [4, 'verified'] });
    const results = scoreAssessment(rubric, partial, { stage: 'seed' });
    // Both answers sit exactly at the seed expectation, so score = bar and the reading is the line.
    expect(results.stage?.bar).toBeCloseTo(results.overall!, 10);
    expect(results.stage?.score).toBeCloseTo(40, 10);
    expect(results.verdict?.band.id).toBe('mid');
  });

  it('reads robustness against the stage: only moves that cross a band of the mapped score count', () => {
    // Plain: from 63.9, x up (+0.6·0.5·25 = 7.5) and z up (+0.6·0.2·80 = 9.6) reach "high" (70).
    const plain = scoreAssessment(rubric, caseA).robustness.changes;
    expect(plain.map((c) => [c.id, c.direction, c.band.id])).toEqual([
      ['alpha.x', 'up', 'high'],
      ['alpha.z', 'up', 'high'],
    ]);
    // At seed "high" needs 40 + 60·(T′ − 46.9)/53.1 ≥ 70, so T′ ≥ 73.45: x up (71.4) falls short,
    // z up (73.5, read as 70.06) reaches it; "low" would need T′ < 46.9, and no single move drops
    // that far (the largest, p down, loses 7.5).
    const seed = scoreAssessment(rubric, caseA, { stage: 'seed' }).robustness.changes;
    expect(seed.map((c) => [c.id, c.direction, c.band.id])).toEqual([['alpha.z', 'up', 'high']]);
  });

  it('falls back to the plain score without a stage, a stage band or any expectation', () => {
    expect(scoreAssessment(rubric, caseA).verdict).toMatchObject({ basis: 'score' });
    expect(scoreAssessment(rubric, caseA).stage).toBeNull();
    const noBand = { ...rubric, stageBand: undefined };
    expect(scoreAssessment(noBand, caseA, { stage: 'seed' }).stage).toBeNull();
    const onlyP = answers({ 'beta.p': [5, 'verified'] });
    const bare = structuredClone(rubric);
    for (const s of bare.sections) for (const c of s.criteria) delete c.expected;
    expect(scoreAssessment(bare, onlyP, { stage: 'seed' }).stage).toBeNull();
    expect(scoreAssessment(bare, onlyP, { stage: 'seed' }).criteria[3]?.stage).toBeNull();
  });
});
