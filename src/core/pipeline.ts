import type { Problem } from './problems';
import { aggregateDeal, type DealView } from './aggregate-deal';
import type { Assessment } from './schema';
import { newestFirst } from './newest-first';

/** One deal of the pipeline: its assessments, gathered by deal key, and their aggregate. */
export interface PipelineDeal {
  key: string;
  company: string;
  assessments: Assessment[];
  /** Null when the raters used different rubrics (the reason says which). */
  view: DealView | null;
  problem: Problem | null;
}

/** Groups assessments into deals by deal key; a deal is labelled with the company name of its newest assessment. */
export function buildPipeline(assessments: readonly Assessment[]): PipelineDeal[] {
  const groups = new Map<string, Assessment[]>();
  for (const a of [...assessments].sort((x, y) => newestFirst(x.updatedAt, y.updatedAt))) {
    const key = a.deal === '' ? a.id : a.deal;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups.entries()].map(([key, list]) => {
    const deal = aggregateDeal(list);
    return {
      key,
      company: list[0]?.company.name ?? key,
      assessments: list,
      view: deal.ok ? deal.value : null,
      problem: deal.ok ? null : deal.problem,
    };
  });
}

export type PipelineSort = 'overall' | 'company' | 'raters' | 'alpha' | 'coverage' | 'redFlags';

export function sortPipeline(
  deals: readonly PipelineDeal[],
  sort: PipelineSort,
  locale: string,
): PipelineDeal[] {
  const collator = new Intl.Collator(locale);
  const num = (n: number | null | undefined) => n ?? -Infinity;
  const key: Record<PipelineSort, (a: PipelineDeal, b: PipelineDeal) => number> = {
    overall: (a, b) => num(b.view?.overall) - num(a.view?.overall),
    company: (a, b) => collator.compare(a.company, b.company),
    raters: (a, b) => b.assessments.length - a.assessments.length,
    alpha: (a, b) => num(b.view?.alpha) - num(a.view?.alpha),
    coverage: (a, b) => num(b.view?.coverage) - num(a.view?.coverage),
    redFlags: (a, b) => num(flagCountOf(b)) - num(flagCountOf(a)),
  };
  return [...deals].sort((a, b) => key[sort](a, b) || collator.compare(a.company, b.company));
}

/**
 * Red flags and walk-away deal-breaker answers together: either caps a rater's
 * verdict, so the pipeline ranks a deal by both. Null when the deal has no view.
 */
export function flagCountOf(deal: PipelineDeal): number | null {
  return deal.view === null ? null : deal.view.redFlags.length + deal.view.dealBreakers.length;
}
