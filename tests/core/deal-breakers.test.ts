import { describe, expect, it } from 'vitest';
import { dealBreakerFlags, unansweredDealBreakers } from '../../src/core/deal-breakers';
import { scoreAssessment } from '../../src/core/score-assessment';
import { scoreAssessmentFile } from '../../src/core/score-assessment-file';
import { answers, makeAssessment } from '../helpers/fixtures';
import { stagedRubric } from '../helpers/staged-rubric';

/*
 * stagedRubric() has two deal-breakers: "ip" walks away on "no" (caps at the
 * lowest band, "low"); "runway" walks away on "yes" and caps at "mid".
 * Bands: low [0, 40) · mid [40, 70) · high [70, 100].
 */
const rubric = stagedRubric();
const top = answers({
  'alpha.x': [5, 'verified'],
  'alpha.y': [5, 'verified'],
  'alpha.z': [10, 'verified'],
  'beta.p': [5, 'verified'],
  'beta.q': [5, 'verified'],
});

describe('deal-breakers', () => {
  it('flag only the walk-away answer, with the band they cap at', () => {
    expect(dealBreakerFlags(rubric, { ip: 'yes', runway: 'no' })).toEqual([]);
    expect(dealBreakerFlags(rubric, { ip: 'no', runway: 'yes' })).toEqual([
      expect.objectContaining({ id: 'ip', answer: 'no', capBand: rubric.bands[0] }),
      expect.objectContaining({ id: 'runway', answer: 'yes', capBand: rubric.bands[1] }),
    ]);
  });

  it('list the questions nobody answered', () => {
    expect(unansweredDealBreakers(rubric, {}).map((d) => d.id)).toEqual(['ip', 'runway']);
    expect(unansweredDealBreakers(rubric, { runway: 'no' }).map((d) => d.id)).toEqual(['ip']);
    expect(unansweredDealBreakers({ ...rubric, dealBreakers: undefined }, {})).toEqual([]);
  });

  it('cap a perfect score at their band, the lowest cap winning', () => {
    const free = scoreAssessment(rubric, top, { dealBreakers: { ip: 'yes', runway: 'no' } });
    expect(free.overall).toBe(100);
    expect(free.verdict).toMatchObject({ band: { id: 'high' }, capped: false });
    const runway = scoreAssessment(rubric, top, { dealBreakers: { ip: 'yes', runway: 'yes' } });
    expect(runway.verdict).toMatchObject({
      band: { id: 'mid' },
      uncapped: { id: 'high' },
      capped: true,
    });
    const both = scoreAssessment(rubric, top, { dealBreakers: { ip: 'no', runway: 'yes' } });
    expect(both.verdict).toMatchObject({ band: { id: 'low' }, capped: true });
    expect(both.dealBreakers.map((d) => d.id)).toEqual(['ip', 'runway']);
    // They are their own kind of finding: knock-out red flags stay empty.
    expect(both.redFlags).toEqual([]);
  });

  it('leave a verdict already below the cap alone', () => {
    // x 2 · y 2 · z 2 · p 2 · q 2: alpha (50·25 + 30·25 + 20·20)/100 = 24, beta 25; 0.6·24 + 0.4·25 = 24.4.
    const low = answers({
      'alpha.x': [2, 'verified'],
      'alpha.y': [2, 'verified'],
      'alpha.z': [2, 'verified'],
      'beta.p': [2, 'verified'],
      'beta.q': [2, 'verified'],
    });
    const results = scoreAssessment(rubric, low, { dealBreakers: { runway: 'yes' } });
    expect(results.overall).toBeCloseTo(24.4, 10);
    expect(results.verdict).toMatchObject({ band: { id: 'low' }, capped: false });
    expect(results.dealBreakers.map((d) => d.id)).toEqual(['runway']);
  });

  it('make every single move irrelevant to a verdict they hold down', () => {
    const results = scoreAssessment(rubric, top, { dealBreakers: { ip: 'no' } });
    expect(results.robustness).toEqual({ robust: true, changes: [] });
  });

  it('are listed even before any criterion is answered', () => {
    const results = scoreAssessment(rubric, {}, { dealBreakers: { ip: 'no' } });
    expect(results.verdict).toBeNull();
    expect(results.dealBreakers.map((d) => d.id)).toEqual(['ip']);
  });

  it('are read from the file, with its stage, by scoreAssessmentFile', () => {
    const file = makeAssessment(rubric, top, { dealBreakers: { runway: 'yes' } });
    const results = scoreAssessmentFile(file);
    expect(results.verdict).toMatchObject({ band: { id: 'mid' }, basis: 'stage', capped: true });
    expect(results.stage?.stage).toBe('seed');
  });
});
