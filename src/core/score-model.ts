import { listCriteria, levelIndexOf, type CriterionEntry } from './rubric-index';
import { round1 } from './round1';
import type { Answers, Band, Rubric } from './schema';
import type { Verdict } from './score-results';
import type { VerdictRule } from './verdict-rule';

/*
 * The arithmetic of docs/scoring.md on typed arrays: an assessment is a row of
 * level positions, and every figure (totals, the evidence range, levers,
 * robustness) is the same weighted average at other positions.
 */

export interface ModelCriterion {
  id: string;
  sectionIndex: number;
  weight: number;
  values: number[];
  min: number;
  max: number;
  knockoutBelow: number | undefined;
}

export interface Model {
  entries: CriterionEntry[];
  criteria: ModelCriterion[];
  sectionWeights: number[];
}

/** Positions are level indexes, fractional for the evidence range; NaN means unanswered. */
export type Positions = Float64Array;

interface Totals {
  overall: number | null;
  weightedMean: number | null;
  sections: { score: number | null; mean: number | null }[];
}

const models = new WeakMap<Rubric, Model>();

export function modelOf(rubric: Rubric): Model {
  let model = models.get(rubric);
  if (model === undefined) {
    const criteria: ModelCriterion[] = [];
    rubric.sections.forEach((section, sectionIndex) => {
      for (const criterion of section.criteria) {
        const values = criterion.levels.map((level) => level.value);
        criteria.push({
          id: `${section.id}.${criterion.id}`,
          sectionIndex,
          weight: criterion.weight,
          values,
          min: Math.min(...values),
          max: Math.max(...values),
          knockoutBelow: criterion.knockoutBelow,
        });
      }
    });
    model = {
      entries: listCriteria(rubric),
      criteria,
      sectionWeights: rubric.sections.map((s) => s.weight),
    };
    models.set(rubric, model);
  }
  return model;
}

export function valueAt(values: number[], position: number): number {
  const top = values.length - 1;
  const p = Math.min(Math.max(position, 0), top);
  const low = Math.floor(p);
  const lowValue = values[low] as number;
  if (low === p) return lowValue;
  return lowValue + (p - low) * ((values[low + 1] as number) - lowValue);
}

export function percentOf(c: ModelCriterion, value: number): number {
  return (100 * (value - c.min)) / (c.max - c.min);
}

/** The weighted averages of docs/scoring.md, for one set of positions. */
export function totalsAt(model: Model, positions: Positions): Totals {
  const n = model.sectionWeights.length;
  const pointSums = new Float64Array(n);
  const valueSums = new Float64Array(n);
  const weightSums = new Float64Array(n);
  model.criteria.forEach((c, i) => {
    const position = positions[i] as number;
    if (Number.isNaN(position)) return;
    const value = valueAt(c.values, position);
    pointSums[c.sectionIndex]! += c.weight * percentOf(c, value);
    valueSums[c.sectionIndex]! += c.weight * value;
    weightSums[c.sectionIndex]! += c.weight;
  });
  let overallSum = 0;
  let meanSum = 0;
  let sectionWeightSum = 0;
  const sections = model.sectionWeights.map((sectionWeight, s) => {
    const w = weightSums[s] as number;
    if (w === 0) return { score: null, mean: null };
    const score = (pointSums[s] as number) / w;
    const mean = (valueSums[s] as number) / w;
    overallSum += sectionWeight * score;
    meanSum += sectionWeight * mean;
    sectionWeightSum += sectionWeight;
    return { score, mean };
  });
  if (sectionWeightSum === 0) return { overall: null, weightedMean: null, sections };
  return {
    overall: overallSum / sectionWeightSum,
    weightedMean: meanSum / sectionWeightSum,
    sections,
  };
}

/**
 * Bands are [min, max) with 100 in the last. The score is rounded to one
 * decimal first, so the verdict always agrees with the score as shown.
 */
export function bandFor(bands: readonly Band[], score: number): Band {
  const shown = round1(score);
  const found = bands.find((band) => shown >= band.min && shown < band.max);
  return found ?? (shown < (bands[0]?.min ?? 0) ? bands[0] : bands.at(-1)) ?? (bands[0] as Band);
}

function hasRedFlag(model: Model, positions: Positions): boolean {
  return model.criteria.some((c, i) => {
    const position = positions[i] as number;
    return (
      c.knockoutBelow !== undefined &&
      !Number.isNaN(position) &&
      valueAt(c.values, position) < c.knockoutBelow
    );
  });
}

export function verdictAt(
  rubric: Rubric,
  model: Model,
  positions: Positions,
  overall: number,
  rule: VerdictRule,
): Verdict {
  const uncapped = bandFor(rubric.bands, rule.read(overall));
  const cap = hasRedFlag(model, positions) ? 0 : rule.capIndex;
  const capBand = cap === null ? undefined : rubric.bands[cap];
  // A cap at or below the score's own band is what the verdict says; one above it changes nothing.
  return cap !== null && capBand !== undefined && cap <= rubric.bands.indexOf(uncapped)
    ? { band: capBand, capped: true, uncapped, basis: rule.basis }
    : { band: uncapped, capped: false, uncapped, basis: rule.basis };
}

export function positionsOf(model: Model, answers: Answers): Positions {
  const { entries } = model;
  const positions = new Float64Array(model.criteria.length).fill(Number.NaN);
  entries.forEach((entry, i) => {
    const answer = Object.hasOwn(answers, entry.fullId) ? answers[entry.fullId] : undefined;
    if (answer === undefined) return;
    const index = levelIndexOf(entry.criterion, answer.value);
    if (index >= 0) positions[i] = index;
  });
  return positions;
}

/** Runs `work` with answer i moved to `position`, then puts it back (copying typed arrays is slow). */
export function withPosition<T>(
  positions: Positions,
  i: number,
  position: number,
  work: (moved: Positions) => T,
): T {
  const original = positions[i] as number;
  positions[i] = position;
  try {
    return work(positions);
  } finally {
    positions[i] = original;
  }
}
