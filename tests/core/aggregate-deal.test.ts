import { describe, expect, it } from 'vitest';
import { aggregateDeal } from '../../src/core/aggregate-deal';
import { answers, loadRubric, makeAssessment, tinyRubric } from '../helpers/fixtures';

/*
 * Three raters of one company on the tiny rubric (x, y, p, q on 1..5 → 0/25/50/75/100 %;
 * z on 0, 2, 10): the founder, and two investors; z is never answered, and the third
 * rater skipped p and q.
 */
const rubric = tinyRubric();
const founder = makeAssessment(
  rubric,
  answers({ 'alpha.x': [5, 'verified'], 'alpha.y': [3, 'verified'], 'beta.p': [4, 'assumed'] }),
  {
    id: 'founder',
    evaluator: { name: 'Li Wei', role: 'founder' },
  },
);
const partner1 = makeAssessment(
  rubric,
  answers({
    'alpha.x': [3, 'verified'],
    'alpha.y': [3, 'verified'],
    'beta.p': [2, 'verified'],
    'beta.q': [1, 'estimated'],
  }),
  {
    id: 'p1',
    evaluator: { name: 'Zhang', role: 'investor' },
  },
);
const partner2 = makeAssessment(
  rubric,
  answers({ 'alpha.x': [2, 'verified'], 'alpha.y': [4, 'verified'] }),
  {
    id: 'p2',
    evaluator: { name: 'Wang', role: 'investor' },
  },
);

describe('aggregateDeal', () => {
  const result = aggregateDeal([founder, partner1, partner2]);
  if (!result.ok) throw new Error(result.problem.code);
  const deal = result.value;
  const byId = (id: string) => deal.criteria.find((c) => c.id === id)!;

  it('gives each criterion its raters’ percents, mean, median and range', () => {
    expect(byId('alpha.x')).toMatchObject({
      values: [100, 50, 25],
      levels: [5, 3, 2],
      median: 50,
      min: 25,
      max: 100,
    });
    expect(byId('alpha.x').mean).toBeCloseTo((100 + 50 + 25) / 3, 10);
    expect(byId('beta.p')).toMatchObject({ values: [75, 25, null], mean: 50, median: 50 });
    expect(byId('alpha.z')).toMatchObject({
      values: [null, null, null],
      mean: null,
      median: null,
      min: null,
      max: null,
    });
  });

  it('flags criteria where raters are two levels or more apart', () => {
    // x: levels 5, 3, 2 (spread 3); p: 4, 2 (spread 2); y: 3, 3, 4 (spread 1)
    expect(deal.disagreements).toEqual(['alpha.x', 'beta.p']);
  });

  it('scores the mean percents by the rubric’s weights', () => {
    // alpha: x 58.33 (w50), y 58.33 (w30) → 58.33; beta: p 50 (w75), q 0 (w25) → 37.5
    const alpha = (50 * (175 / 3) + 30 * (175 / 3)) / 80;
    const beta = (75 * 50 + 25 * 0) / 100;
    expect(deal.overall).toBeCloseTo((60 * alpha + 40 * beta) / 100, 10); // 50.0
  });

  it('measures agreement with Krippendorff’s alpha over the criterion percents', () => {
    // Pairable values: x 100, 50, 25; y 50, 50, 75; p 75, 25 (q has one rating) → n = 8.
    // D_o = [ x: 2·(2500 + 5625 + 625)/2 + y: 2·(0 + 625 + 625)/2 + p: 2·2500/1 ] / 8 = 15000 / 8 = 1875
    // D_e = 2n·Σ(v − 56.25)² / (n(n−1)) = 16 · 4687.5 / 56 = 1339.2857…
    // α = 1 − 1875 / 1339.2857 = −0.4: the raters disagree more than chance would.
    expect(deal.alpha).toBeCloseTo(1 - 1875 / (75000 / 56), 10);
    expect(deal.agreement).toBe('poor');
  });

  it('shows the founder against the investors', () => {
    // x: 100 − mean(50, 25) = 62.5; p: 75 − 25 = 50; q: the founder did not answer
    expect(byId('alpha.x').founderGap).toBeCloseTo(62.5, 10);
    expect(byId('beta.p').founderGap).toBeCloseTo(50, 10);
    expect(byId('beta.q').founderGap).toBeNull();
  });

  it('refuses assessments made with different rubrics', () => {
    const other = makeAssessment(
      loadRubric('rubrics/ai-startup-investor.json'),
      {},
      { id: 'other' },
    );
    expect(aggregateDeal([founder, other])).toMatchObject({
      ok: false,
      problem: {
        code: 'deal.mixedRubrics',
        params: { id: 'other', rubric: 'ai-startup-investor', expected: founder.rubric.id },
      },
    });
  });
});
