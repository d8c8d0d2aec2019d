import { describe, expect, it } from 'vitest';
import { aggregateDeal } from '../../src/core/aggregate-deal';
import { summarizeDeal } from '../../src/core/deal-summary';
import { answers, makeAssessment, tinyRubric } from '../helpers/fixtures';

const rubric = tinyRubric();
const rater = (id: string, x: number, y: number) =>
  makeAssessment(rubric, answers({ 'alpha.x': [x, 'verified'], 'alpha.y': [y, 'verified'] }), {
    id,
    evaluator: { name: id, role: 'investor' },
  });

describe('summarizeDeal', () => {
  const deal = aggregateDeal([rater('a', 5, 1), rater('b', 4, 2), rater('c', 2, 2)]);
  if (!deal.ok) throw new Error(deal.problem.code);
  const summary = summarizeDeal(deal.value);

  it('rounds scores to one decimal, as shown on screen', () => {
    // x: 100, 75, 25 → mean 66.666… → 66.7; y: 0, 25, 25 → mean 16.666… → 16.7
    expect(summary.criteria['alpha.x']).toMatchObject({
      mean: 66.7,
      median: 75,
      min: 25,
      max: 100,
    });
    expect(summary.criteria['alpha.y']).toMatchObject({ mean: 16.7, median: 25 });
    // alpha: (50·66.67 + 30·16.67) / 80 = 47.9
    expect(summary.overall).toBe(47.9);
  });

  it('rounds alpha to three decimals and names each rater with their own score', () => {
    expect(summary.alpha).toBe(Math.round(deal.value.alpha! * 1000) / 1000);
    expect(String(summary.alpha).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(3);
    // Rater a: x 100, y 0 → (50·100 + 30·0) / 80 = 62.5
    expect(summary.raters[0]).toEqual({
      id: 'a',
      name: 'a',
      role: 'investor',
      overall: 62.5,
      complete: false,
    });
  });
});
