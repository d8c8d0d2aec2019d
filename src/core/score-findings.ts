import type { CriterionEntry } from './rubric-index';
import type { Rubric } from './schema';
import { totalsAt, verdictAt, withPosition, type Model, type Positions } from './score-model';
import type {
  CriterionResult,
  Lever,
  RankedCriterion,
  Results,
  Verdict,
  VerdictChange,
} from './score-results';
import type { VerdictRule } from './verdict-rule';
import type { Evidence } from './vocabulary';

/* The findings drawn from the scores: range, levers, robustness, strengths (docs/scoring.md). */

/** A rating at or above this percent counts as "high" for the to-verify list. */
export const HIGH_RATING_PERCENT = 75;
/** How many levers, strengths and weaknesses are listed. */
export const TOP_COUNT = 3;
/** How far each kind of evidence may move an answer, in levels, for the range. */
export const EVIDENCE_SPREAD: Record<Evidence, number> = {
  verified: 0,
  estimated: 0.5,
  assumed: 1,
};

export function evidenceRange(
  model: Model,
  positions: Positions,
  criteria: CriterionResult[],
): [number, number] {
  const low = positions.slice();
  const high = positions.slice();
  criteria.forEach((c, i) => {
    if (c.evidence === null) return;
    const spread = EVIDENCE_SPREAD[c.evidence];
    low[i] = (positions[i] as number) - spread;
    high[i] = (positions[i] as number) + spread;
  });
  return [totalsAt(model, low).overall ?? 0, totalsAt(model, high).overall ?? 0];
}

export function leversOf(
  model: Model,
  entries: CriterionEntry[],
  positions: Positions,
  overall: number,
): Lever[] {
  const levers: (Lever & { order: number })[] = [];
  model.criteria.forEach((c, i) => {
    const position = positions[i] as number;
    if (Number.isNaN(position) || position >= c.values.length - 1) return;
    const entry = entries[i];
    const nextLevel = entry?.criterion.levels[position + 1];
    if (entry === undefined || nextLevel === undefined) return;
    const raised =
      withPosition(positions, i, position + 1, (moved) => totalsAt(model, moved).overall) ??
      overall;
    levers.push({
      id: c.id,
      name: entry.criterion.name,
      gain: raised - overall,
      nextLevel,
      order: i,
    });
  });
  levers.sort((a, b) => b.gain - a.gain || a.order - b.order);
  return levers.slice(0, TOP_COUNT).map(({ order: _order, ...lever }) => lever);
}

export function robustnessOf(
  rubric: Rubric,
  model: Model,
  entries: CriterionEntry[],
  positions: Positions,
  verdict: Verdict,
  rule: VerdictRule,
): Results['robustness'] {
  const changes: VerdictChange[] = [];
  model.criteria.forEach((c, i) => {
    const position = positions[i] as number;
    if (Number.isNaN(position)) return;
    for (const [direction, step] of [
      ['down', -1],
      ['up', 1],
    ] as const) {
      const moved = position + step;
      if (moved < 0 || moved > c.values.length - 1) continue;
      const band = withPosition(positions, i, moved, (changed) => {
        const overall = totalsAt(model, changed).overall;
        return overall === null ? null : verdictAt(rubric, model, changed, overall, rule).band;
      });
      if (band !== null && band.id !== verdict.band.id) {
        changes.push({
          id: c.id,
          name: entries[i]?.criterion.name ?? { en: c.id, zh: c.id },
          direction,
          band,
        });
      }
    }
  });
  return { robust: changes.length === 0, changes };
}

export function rank(criteria: CriterionResult[], order: 'asc' | 'desc'): RankedCriterion[] {
  const sign = order === 'desc' ? -1 : 1;
  return criteria
    .map((c, order) => ({ c, order }))
    .sort(
      (a, b) =>
        sign * ((a.c.percent ?? 0) - (b.c.percent ?? 0)) ||
        b.c.share - a.c.share ||
        a.order - b.order,
    )
    .map(({ c }) => ({ id: c.id, name: c.name, percent: c.percent ?? 0 }));
}

/**
 * Strengths are the highest criterion percents above the mean of the answered
 * criteria, weaknesses the lowest below it: no criterion can be both, and when
 * every answer scores the same nothing stands out and both lists are empty
 * (`evenPercent` says at what percent).
 */
export function strengthsAndWeaknesses(
  criteria: CriterionResult[],
): Pick<Results, 'strengths' | 'weaknesses' | 'evenPercent'> {
  const answered = criteria.filter((c) => c.answered);
  if (answered.length === 0) return { strengths: [], weaknesses: [], evenPercent: null };
  const mean = answered.reduce((sum, c) => sum + (c.percent ?? 0), 0) / answered.length;
  // Percents are quotients of small numbers: compare with a little slack for floating point.
  const above = answered.filter((c) => (c.percent ?? 0) > mean + 1e-9);
  const below = answered.filter((c) => (c.percent ?? 0) < mean - 1e-9);
  const even = above.length === 0 && below.length === 0;
  return {
    strengths: rank(above, 'desc').slice(0, TOP_COUNT),
    weaknesses: rank(below, 'asc').slice(0, TOP_COUNT),
    evenPercent: even ? (answered[0]!.percent ?? 0) : null,
  };
}
