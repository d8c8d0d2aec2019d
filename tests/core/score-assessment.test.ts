import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../src/core/score-assessment';
import { bandFor } from '../../src/core/score-model';
import { round1 } from '../../src/core/round1';
import { answers, tinyRubric } from '../helpers/fixtures';

/*
 * The tiny rubric (tests/fixtures/rubrics/tiny.json):
 *   alpha (weight 60): x w50 levels 1..5 · y w30 levels 1..5, knock-out below 2 · z w20 levels 0, 2, 10
 *   beta  (weight 40): p w75 levels 1..5 · q w25 levels 1..5
 *   bands: low [0, 40) · mid [40, 70) · high [70, 100]
 */
const rubric = tinyRubric();

const caseA = answers({
  'alpha.x': [4, 'assumed'],
  'alpha.y': [3, 'estimated'],
  'alpha.z': [2, 'verified'],
  'beta.p': [5, 'verified'],
  'beta.q': [1, 'assumed'],
});

describe('scoreAssessment on a complete assessment', () => {
  const results = scoreAssessment(rubric, caseA);
  const byId = (id: string) => results.criteria.find((c) => c.id === id);

  it('computes each criterion percent as 100·(v − m)/(M − m)', () => {
    expect(byId('alpha.x')?.percent).toBe((100 * (4 - 1)) / (5 - 1)); // 75
    expect(byId('alpha.y')?.percent).toBe((100 * (3 - 1)) / (5 - 1)); // 50
    // z's scale is 0..10, and level value 2 is 20 % of it although it is level 2 of 3
    expect(byId('alpha.z')?.percent).toBe((100 * (2 - 0)) / (10 - 0)); // 20
    expect(byId('beta.p')?.percent).toBe(100);
    expect(byId('beta.q')?.percent).toBe(0);
  });

  it('weights criteria within a section and sections within the overall', () => {
    const alpha = (50 * 75 + 30 * 50 + 20 * 20) / 100; // 56.5
    const beta = (75 * 100 + 25 * 0) / 100; // 75
    expect(results.sections[0]?.score).toBeCloseTo(alpha, 10);
    expect(results.sections[1]?.score).toBeCloseTo(beta, 10);
    expect(results.overall).toBeCloseTo((60 * alpha + 40 * beta) / 100, 10); // 63.9
  });

  it('keeps the weighted mean in scale units', () => {
    const alpha = (50 * 4 + 30 * 3 + 20 * 2) / 100; // 3.3
    const beta = (75 * 5 + 25 * 1) / 100; // 4.0
    expect(results.weightedMean).toBeCloseTo((60 * alpha + 40 * beta) / 100, 10); // 3.58
  });

  it('splits the overall into weighted points that add back up to it', () => {
    expect(byId('alpha.x')?.weightedPoints).toBeCloseTo(0.6 * 0.5 * 75, 10); // 22.5
    const sum = results.criteria.reduce((s, c) => s + (c.weightedPoints ?? 0), 0);
    expect(sum).toBeCloseTo(results.overall ?? Number.NaN, 10);
  });

  it('reports full coverage and the verdict band', () => {
    expect(results.coverage).toBe(1);
    expect(results.complete).toBe(true);
    expect(results.verdict?.band.id).toBe('mid'); // 63.9 is in [40, 70)
    expect(results.verdict?.capped).toBe(false);
    expect(results.redFlags).toEqual([]);
  });

  it('moves assumed answers a level and estimated ones half a level for the range', () => {
    // low: x 4→3 (50), y 3→2.5 (37.5), q 1→0 clamped to level 1 (0); verified z and p stay
    const alphaLow = (50 * 50 + 30 * 37.5 + 20 * 20) / 100; // 40.25
    const low = (60 * alphaLow + 40 * 75) / 100; // 54.15
    // high: x 4→5 (100), y 3→3.5 (62.5), q 1→2 (25)
    const alphaHigh = (50 * 100 + 30 * 62.5 + 20 * 20) / 100; // 72.75
    const betaHigh = (75 * 100 + 25 * 25) / 100; // 81.25
    const high = (60 * alphaHigh + 40 * betaHigh) / 100; // 76.15
    expect(results.range?.[0]).toBeCloseTo(low, 10);
    expect(results.range?.[1]).toBeCloseTo(high, 10);
  });

  it('ranks the levers by the overall points one more level is worth', () => {
    // z: 20 → 100 % is 0.6·0.2·80 = 9.6 points; x: 75 → 100 is 0.6·0.5·25 = 7.5;
    // y: 50 → 75 is 0.6·0.3·25 = 4.5; q: 0 → 25 is 0.4·0.25·25 = 2.5; p is at its top
    expect(results.levers.map((l) => l.id)).toEqual(['alpha.z', 'alpha.x', 'alpha.y']);
    expect(results.levers.map((l) => l.gain)).toEqual([
      expect.closeTo(9.6, 10),
      expect.closeTo(7.5, 10),
      expect.closeTo(4.5, 10),
    ]);
    const zNext = rubric.sections[0]?.criteria[2]?.levels[2];
    expect(results.levers[0]?.nextLevel).toEqual(zNext);
  });

  it('names the single moves that would change the verdict', () => {
    // 63.9 + 7.5 (x up) = 71.4 and 63.9 + 9.6 (z up) = 73.5 reach "high";
    // the largest fall, p or x down (−7.5), leaves 56.4, still "mid"
    expect(results.robustness.robust).toBe(false);
    expect(results.robustness.changes.map((c) => [c.id, c.direction, c.band.id])).toEqual([
      ['alpha.x', 'up', 'high'],
      ['alpha.z', 'up', 'high'],
    ]);
  });

  it('lists strengths and weaknesses without overlap, and high ratings on assumptions to verify', () => {
    // percents x75 y50 z20 p100 q0, mean 49: above it p, x, y; below it q, z
    expect(results.strengths.map((c) => c.id)).toEqual(['beta.p', 'alpha.x', 'alpha.y']);
    expect(results.weaknesses.map((c) => c.id)).toEqual(['beta.q', 'alpha.z']);
    // x is 75 % on "assumed"; q is assumed too but low
    expect(results.toVerify.map((c) => c.id)).toEqual(['alpha.x']);
  });
});

describe('scoreAssessment on incomplete assessments', () => {
  it('scores only answered criteria and reports the answered weight share', () => {
    const results = scoreAssessment(
      rubric,
      answers({ 'alpha.x': [5, 'verified'], 'beta.p': [1, 'verified'] }),
    );
    // alpha = x alone = 100; beta = p alone = 0
    expect(results.overall).toBeCloseTo((60 * 100 + 40 * 0) / 100, 10);
    // answered weight: 60·50 + 40·75 of 100·100
    expect(results.coverage).toBeCloseTo((60 * 50 + 40 * 75) / (100 * 100), 10);
    expect(results.complete).toBe(false);
    expect(results.answeredCount).toBe(2);
    expect(results.range).toEqual([results.overall, results.overall]);
  });

  it('leaves out sections with no answer', () => {
    const results = scoreAssessment(
      rubric,
      answers({ 'beta.p': [3, 'verified'], 'beta.q': [5, 'verified'] }),
    );
    expect(results.sections[0]?.score).toBeNull();
    expect(results.overall).toBeCloseTo((75 * 50 + 25 * 100) / 100, 10); // 62.5, beta alone
    expect(results.coverage).toBeCloseTo((40 * 100) / (100 * 100), 10);
  });

  it('has no score, range or verdict without any answer', () => {
    const results = scoreAssessment(rubric, {});
    expect(results.overall).toBeNull();
    expect(results.range).toBeNull();
    expect(results.verdict).toBeNull();
    expect(results.coverage).toBe(0);
    expect(results.levers).toEqual([]);
  });
});

describe('knock-outs', () => {
  const flagged = { ...caseA, ...answers({ 'alpha.y': [1, 'verified'] }) };
  const results = scoreAssessment(rubric, flagged);

  it('lists an answer below knockoutBelow as a red flag and caps the verdict at the lowest band', () => {
    const alpha = (50 * 75 + 30 * 0 + 20 * 20) / 100; // 41.5
    expect(results.overall).toBeCloseTo((60 * alpha + 40 * 75) / 100, 10); // 54.9, "mid" by score
    expect(results.redFlags).toEqual([
      expect.objectContaining({ id: 'alpha.y', value: 1, knockoutBelow: 2 }),
    ]);
    expect(results.verdict).toEqual({
      band: expect.objectContaining({ id: 'low' }),
      capped: true,
      uncapped: expect.objectContaining({ id: 'mid' }),
      basis: 'score',
    });
    expect(results.criteria.find((c) => c.id === 'alpha.y')?.redFlag).toBe(true);
  });

  it('counts lifting the flagged answer as a verdict change', () => {
    // y 1 → 2 clears the flag: 54.9 + 0.6·0.3·25 = 59.4, "mid"
    expect(results.robustness.changes.map((c) => [c.id, c.direction, c.band.id])).toEqual([
      ['alpha.y', 'up', 'mid'],
    ]);
  });
});

describe('bandFor', () => {
  const bands = rubric.bands;
  it('uses the score as shown, rounded to one decimal', () => {
    expect(bandFor(bands, 69.94).id).toBe('mid');
    expect(bandFor(bands, 69.96).id).toBe('high'); // shown as 70.0
  });
  it('puts 0 in the first band and 100 in the last', () => {
    expect(bandFor(bands, 0).id).toBe('low');
    expect(bandFor(bands, 100).id).toBe('high');
  });
  it('rounds half up at one decimal', () => {
    expect(round1(63.85)).toBe(63.9);
    expect(round1((60 * 40.25 + 40 * 75) / 100)).toBe(54.2); // 54.15 computed, stored as 54.1499…
    expect(round1(0.04)).toBe(0);
    expect(round1(1e-7)).toBe(0);
  });
});

describe('scoreAssessment when only the scores are wanted (a deal’s raters)', () => {
  const context = { stage: 'seed' as const, dealBreakers: {} };
  const full = scoreAssessment(rubric, caseA, context);
  const scores = scoreAssessment(rubric, caseA, { ...context, findings: false });

  it('gives the same scores, sections, coverage, criteria and red flags as full scoring', () => {
    expect(scores.overall).toBe(full.overall);
    expect(scores.sections).toEqual(full.sections);
    expect(scores.coverage).toBe(full.coverage);
    expect(scores.criteria).toEqual(full.criteria);
    expect(scores.redFlags).toEqual(full.redFlags);
    expect(scores.dealBreakers).toEqual(full.dealBreakers);
  });

  it('leaves the reading of the score out: no range, stage reading, verdict or findings', () => {
    expect(full.verdict).not.toBeNull();
    expect(scores).toMatchObject({ range: null, stage: null, verdict: null, levers: [] });
    expect(scores.robustness.changes).toEqual([]);
  });
});
