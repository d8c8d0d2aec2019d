import { round1 } from './round1';
import { type Results } from './score-results';
import type { Lang } from './vocabulary';

/** Plain, rounded data for `cli score --json` and anything that exports results. */
export interface ResultsSummary {
  overall: number | null;
  range: [number, number] | null;
  weightedMean: number | null;
  coverage: number;
  complete: boolean;
  answered: number;
  total: number;
  verdict: { id: string; label: string; capped: boolean } | null;
  sections: Record<string, number | null>;
  criteria: Record<string, number | null>;
  redFlags: { id: string; value: number; knockoutBelow: number }[];
  levers: { id: string; gain: number; action: string }[];
  toVerify: string[];
  robust: boolean;
  verdictChanges: { id: string; direction: 'up' | 'down'; verdict: string }[];
  strengths: string[];
  weaknesses: string[];
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** Scores rounded to one decimal, as shown on screen; coverage to three. */
export function summarizeResults(results: Results, lang: Lang): ResultsSummary {
  return {
    overall: results.overall === null ? null : round1(results.overall),
    range: results.range === null ? null : [round1(results.range[0]), round1(results.range[1])],
    weightedMean: results.weightedMean === null ? null : round(results.weightedMean, 2),
    coverage: round(results.coverage, 3),
    complete: results.complete,
    answered: results.answeredCount,
    total: results.totalCount,
    verdict:
      results.verdict === null
        ? null
        : {
            id: results.verdict.band.id,
            label: results.verdict.band.label[lang],
            capped: results.verdict.capped,
          },
    sections: Object.fromEntries(
      results.sections.map((s) => [s.id, s.score === null ? null : round1(s.score)]),
    ),
    criteria: Object.fromEntries(
      results.criteria.map((c) => [c.id, c.percent === null ? null : round1(c.percent)]),
    ),
    redFlags: results.redFlags.map(({ id, value, knockoutBelow }) => ({
      id,
      value,
      knockoutBelow,
    })),
    levers: results.levers.map((l) => ({
      id: l.id,
      gain: round1(l.gain),
      action: l.nextLevel.descriptor[lang],
    })),
    toVerify: results.toVerify.map((c) => c.id),
    robust: results.robustness.robust,
    verdictChanges: results.robustness.changes.map((c) => ({
      id: c.id,
      direction: c.direction,
      verdict: c.band.id,
    })),
    strengths: results.strengths.map((c) => c.id),
    weaknesses: results.weaknesses.map((c) => c.id),
  };
}
