import { describe, expect, it } from 'vitest';
import { buildPipeline, flagCountOf, sortPipeline } from '../../src/core/pipeline';
import { pipelineToCsv } from '../../src/core/pipeline-csv';
import type { Assessment } from '../../src/core/schema';
import { answers, loadRubric, makeAssessment, tinyRubric } from '../helpers/fixtures';
import { stagedRubric } from '../helpers/staged-rubric';

const rubric = tinyRubric();
const at = (minute: number) => `2026-11-29T10:${String(minute).padStart(2, '0')}:00.000Z`;

function rated(
  id: string,
  deal: string,
  company: string,
  x: number,
  updated: number,
  extra: Partial<Assessment> = {},
): Assessment {
  return makeAssessment(rubric, answers({ 'alpha.x': [x, 'verified'] }), {
    id,
    deal,
    company: { name: company, stage: 'seed', sector: '' },
    updatedAt: at(updated),
    ...extra,
  });
}

describe('buildPipeline', () => {
  const deals = buildPipeline([
    rated('a1', 'alpha-ai', 'Alpha AI (old name)', 5, 1),
    rated('a2', 'alpha-ai', 'Alpha AI', 3, 9),
    rated('b1', 'beta', 'Beta', 2, 5),
    rated('lone', '', 'No deal key', 4, 3),
  ]);
  const byKey = (key: string) => deals.find((d) => d.key === key)!;

  it('gathers assessments by deal key, an empty key standing alone under its id', () => {
    expect(deals.map((d) => [d.key, d.assessments.map((a) => a.id)]).sort()).toEqual([
      ['alpha-ai', ['a2', 'a1']],
      ['beta', ['b1']],
      ['lone', ['lone']],
    ]);
  });

  it('labels a deal with the company name of its newest assessment', () => {
    expect(byKey('alpha-ai').company).toBe('Alpha AI');
  });

  it('aggregates each deal: x at levels 5 and 3 of 1–5 is 100 and 50, a mean of 75', () => {
    // Only alpha.x is answered, so alpha's score is x's mean and the overall is alpha's.
    expect(byKey('alpha-ai').view?.overall).toBeCloseTo(75, 10);
    expect(byKey('beta').view?.overall).toBeCloseTo(25, 10);
  });

  it('keeps a deal whose raters used different rubrics, with the problem and no aggregate', () => {
    const mixed = buildPipeline([
      rated('m1', 'mixed', 'Mixed', 3, 1),
      makeAssessment(
        loadRubric('rubrics/ai-startup-investor.json'),
        {},
        { id: 'm2', deal: 'mixed' },
      ),
    ]);
    expect(mixed).toHaveLength(1);
    expect(mixed[0]!.view).toBeNull();
    expect(mixed[0]!.problem?.code).toBe('deal.mixedRubrics');
  });
});

describe('sortPipeline', () => {
  const deals = buildPipeline([
    rated('a', 'zeta', 'Zeta', 5, 1),
    rated('b', 'alpha', 'Alpha', 2, 2),
    rated('c', 'alpha', 'Alpha', 2, 3),
    rated('d', 'mid', 'Mid', 2, 4),
    makeAssessment(loadRubric('rubrics/ai-startup-investor.json'), {}, { id: 'e', deal: 'mid' }),
  ]);
  const order = (sort: Parameters<typeof sortPipeline>[1]) =>
    sortPipeline(deals, sort, 'en').map((d) => d.key);

  it('ranks by overall score, best first, deals without an aggregate last', () => {
    // zeta 100; alpha 25 (both raters at level 2); mid has no aggregate.
    expect(order('overall')).toEqual(['zeta', 'alpha', 'mid']);
  });

  it('ranks by number of raters, then by company name', () => {
    expect(order('raters')).toEqual(['alpha', 'mid', 'zeta']);
  });

  it('sorts company names by the locale, not by code point', () => {
    const named = buildPipeline([
      rated('1', 'b', 'bravo', 1, 1),
      rated('2', 'a', 'Alpha', 1, 1),
      rated('3', 'c', 'Éclair', 1, 1),
    ]);
    expect(sortPipeline(named, 'company', 'en').map((d) => d.company)).toEqual([
      'Alpha',
      'bravo',
      'Éclair',
    ]);
  });
});

describe('deal-breakers in deals and the pipeline', () => {
  // stagedRubric(): "ip" walks away on "no", "runway" on "yes".
  const staged = stagedRubric();
  const rater = (id: string, deal: string, dealBreakers: Assessment['dealBreakers']) =>
    makeAssessment(staged, answers({ 'alpha.x': [3, 'verified'] }), {
      id,
      deal,
      company: { name: deal, stage: 'seed', sector: '' },
      dealBreakers,
    });
  const deals = buildPipeline([
    rater('a1', 'walk', { ip: 'no' }),
    rater('a2', 'walk', { ip: 'yes', runway: 'yes' }),
    rater('b1', 'clear', { ip: 'yes', runway: 'no' }),
  ]);
  const byKey = (key: string) => deals.find((d) => d.key === key)!;

  it('gathers each rater’s walk-away answers into the deal', () => {
    expect(byKey('walk').view?.dealBreakers).toEqual([
      { rater: 'a1', id: 'ip' },
      { rater: 'a2', id: 'runway' },
    ]);
    expect(byKey('clear').view?.dealBreakers).toEqual([]);
  });

  it('counts them with the red flags, and ranks by both', () => {
    expect(flagCountOf(byKey('walk'))).toBe(2);
    expect(flagCountOf(byKey('clear'))).toBe(0);
    expect(sortPipeline(deals, 'redFlags', 'en').map((d) => d.key)).toEqual(['walk', 'clear']);
  });

  it('exports the count as its own CSV column', () => {
    const rows = pipelineToCsv(sortPipeline(deals, 'redFlags', 'en'))
      .slice(1)
      .split('\r\n');
    const header = rows[0]!.split(',');
    const column = header.indexOf('deal_breakers');
    expect(column).toBeGreaterThan(header.indexOf('red_flags'));
    expect(rows.slice(1, 3).map((row) => row.split(',')[column])).toEqual(['2', '0']);
  });
});
