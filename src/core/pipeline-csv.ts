import { toCsv } from './csv-export';
import type { PipelineDeal } from './pipeline';
import { round1 } from './round1';

const r1 = (n: number | null | undefined) => (n === null || n === undefined ? null : round1(n));

/** The pipeline table for a spreadsheet: one row per deal, ranked as shown. */
export function pipelineToCsv(deals: readonly PipelineDeal[]): string {
  const sectionIds = [...new Set(deals.flatMap((d) => d.view?.sections.map((s) => s.id) ?? []))];
  const header = [
    'rank',
    'deal',
    'company',
    'raters',
    'overall',
    ...sectionIds.map((id) => `${id}.score`),
    'red_flags',
    'deal_breakers',
    'coverage',
    'alpha',
    'agreement',
    'problem',
  ];
  const rows = deals.map((d, i) => {
    const view = d.view;
    return [
      i + 1,
      d.key,
      d.company,
      d.assessments.length,
      r1(view?.overall),
      ...sectionIds.map((id) => r1(view?.sections.find((s) => s.id === id)?.score)),
      view?.redFlags.length ?? null,
      view?.dealBreakers.length ?? null,
      view === null ? null : Math.round(view.coverage * 1000) / 10,
      view?.alpha === null || view?.alpha === undefined
        ? null
        : Math.round(view.alpha * 1000) / 1000,
      view?.agreement ?? null,
      d.problem?.code ?? '',
    ];
  });
  return toCsv(header, rows);
}
