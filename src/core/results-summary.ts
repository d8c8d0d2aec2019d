import { round1 } from './round1';
import { type Results } from './score-results';
import type { VerdictBasis } from './verdict-rule';
import type { DealBreakerAnswer, Lang, Stage, Standing } from './vocabulary';

/** Plain, rounded data for `cli score --json` and anything that exports results. */
export interface ResultsSummary {
  overall: number | null;
  range: [number, number] | null;
  weightedMean: number | null;
  coverage: number;
  complete: boolean;
  answered: number;
  total: number;
  verdict: {
    id: string;
    label: string;
    capped: boolean;
    /** The band the score alone reaches, before red flags and deal-breakers. */
    uncapped: string;
    basis: VerdictBasis;
  } | null;
  sections: Record<string, number | null>;
  criteria: Record<string, number | null>;
  /** The stage reading (docs/scoring.md, "Stage"); null when the verdict reads the plain score. */
  stage: {
    stage: Stage;
    bar: number;
    line: number;
    score: number;
    range: [number, number];
    ahead: string[];
    at: string[];
    behind: string[];
  } | null;
  /** Each answered criterion against its stage expectation (null without one). */
  standings: Record<string, { standing: Standing; expectedLevel: number; gap: number } | null>;
  /** Deal-breakers answered the walk-away way, each with the band it caps the verdict at. */
  dealBreakers: { id: string; answer: DealBreakerAnswer; capBand: string }[];
  unansweredDealBreakers: string[];
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
            uncapped: results.verdict.uncapped.id,
            basis: results.verdict.basis,
          },
    sections: Object.fromEntries(
      results.sections.map((s) => [s.id, s.score === null ? null : round1(s.score)]),
    ),
    criteria: Object.fromEntries(
      results.criteria.map((c) => [c.id, c.percent === null ? null : round1(c.percent)]),
    ),
    stage:
      results.stage === null
        ? null
        : {
            stage: results.stage.stage,
            bar: round1(results.stage.bar),
            line: results.stage.line,
            score: round1(results.stage.score),
            range: [round1(results.stage.range[0]), round1(results.stage.range[1])],
            ahead: results.stage.ahead,
            at: results.stage.at,
            behind: results.stage.behind,
          },
    standings: Object.fromEntries(
      results.criteria
        .filter((c) => c.answered)
        .map((c) => [
          c.id,
          c.stage === null
            ? null
            : {
                standing: c.stage.standing,
                expectedLevel: c.stage.expectedLevelNumber,
                gap: c.stage.gap,
              },
        ]),
    ),
    dealBreakers: results.dealBreakers.map((d) => ({
      id: d.id,
      answer: d.answer,
      capBand: d.capBand.id,
    })),
    unansweredDealBreakers: results.unansweredDealBreakers.map((d) => d.id),
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
