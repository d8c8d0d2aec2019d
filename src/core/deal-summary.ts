import type { DealView } from './aggregate-deal';
import { round1 } from './round1';

const r1 = (n: number | null) => (n === null ? null : round1(n));

/** Plain, rounded data for `cli deal --json`: scores to one decimal, alpha to three. */
export function summarizeDeal(deal: DealView) {
  return {
    rubric: deal.rubric.id,
    raters: deal.raters.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      overall: r1(r.results.overall),
      complete: r.complete,
    })),
    overall: r1(deal.overall),
    sections: Object.fromEntries(deal.sections.map((s) => [s.id, r1(s.score)])),
    alpha: deal.alpha === null ? null : Math.round(deal.alpha * 1000) / 1000,
    agreement: deal.agreement,
    disagreements: deal.disagreements,
    redFlags: deal.redFlags,
    dealBreakers: deal.dealBreakers,
    criteria: Object.fromEntries(
      deal.criteria.map((c) => [
        c.id,
        {
          mean: r1(c.mean),
          median: r1(c.median),
          min: r1(c.min),
          max: r1(c.max),
          values: c.values.map(r1),
          founderGap: r1(c.founderGap),
        },
      ]),
    ),
  };
}
