import { dealBreakerFlags, unansweredDealBreakers, type DealBreakerFlag } from './deal-breakers';
import { listCriteria, levelIndexOf, type CriterionEntry } from './rubric-index';
import type { Answers, Band, DealBreaker, Level, LocalizedText, Rubric } from './schema';
import type { Evidence } from './vocabulary';
import {
  standingOf,
  stageReadingOf,
  type CriterionStanding,
  type StageReading,
} from './stage-expectation';
import {
  verdictRuleOf,
  type ScoringContext,
  type VerdictBasis,
  type VerdictRule,
} from './verdict-rule';

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

export interface CriterionResult {
  id: string;
  sectionId: string;
  criterionId: string;
  name: LocalizedText;
  /** Weight within its section, as written in the rubric. */
  weight: number;
  answered: boolean;
  value: number | null;
  level: Level | null;
  /** 1-based level number, e.g. 3 of 5. */
  levelNumber: number | null;
  levelCount: number;
  percent: number | null;
  evidence: Evidence | null;
  notes: string;
  /** This criterion's share of the overall score (0–1) among the answered ones. */
  share: number;
  /** Points this answer adds to the overall score; they sum to the overall. */
  weightedPoints: number | null;
  redFlag: boolean;
  /** Against the company's stage; null without a stage or an expectation. */
  stage: CriterionStanding | null;
}

export interface SectionResult {
  id: string;
  name: LocalizedText;
  weight: number;
  score: number | null;
  weightedMean: number | null;
  answered: number;
  total: number;
}

export interface RedFlag {
  id: string;
  name: LocalizedText;
  value: number;
  knockoutBelow: number;
}

export interface Lever {
  id: string;
  name: LocalizedText;
  /** Overall points gained by moving this answer one level up. */
  gain: number;
  nextLevel: Level;
}

export interface VerdictChange {
  id: string;
  name: LocalizedText;
  direction: 'up' | 'down';
  band: Band;
}

export interface Verdict {
  band: Band;
  /** True when a red flag or a deal-breaker held the verdict at or below `uncapped`. */
  capped: boolean;
  /** The band the score alone reaches, before any cap. */
  uncapped: Band;
  basis: VerdictBasis;
}

export interface RankedCriterion {
  id: string;
  name: LocalizedText;
  percent: number;
}

export interface Results {
  overall: number | null;
  range: [number, number] | null;
  weightedMean: number | null;
  coverage: number;
  complete: boolean;
  answeredCount: number;
  totalCount: number;
  verdict: Verdict | null;
  sections: SectionResult[];
  criteria: CriterionResult[];
  redFlags: RedFlag[];
  levers: Lever[];
  toVerify: RankedCriterion[];
  robustness: { robust: boolean; changes: VerdictChange[] };
  strengths: RankedCriterion[];
  /** Every answered criterion scores this percent: nothing stands out (null when they differ). */
  evenPercent: number | null;
  weaknesses: RankedCriterion[];
  /** The assessment read against its stage; the verdict uses it when present. */
  stage: StageReading | null;
  /** Deal-breakers answered the walk-away way: each caps the verdict. */
  dealBreakers: DealBreakerFlag[];
  unansweredDealBreakers: DealBreaker[];
}

interface ModelCriterion {
  id: string;
  sectionIndex: number;
  weight: number;
  values: number[];
  min: number;
  max: number;
  knockoutBelow: number | undefined;
}

interface Model {
  entries: CriterionEntry[];
  criteria: ModelCriterion[];
  sectionWeights: number[];
}

/** Positions are level indexes, fractional for the evidence range; NaN means unanswered. */
type Positions = Float64Array;

interface Totals {
  overall: number | null;
  weightedMean: number | null;
  sections: { score: number | null; mean: number | null }[];
}

const models = new WeakMap<Rubric, Model>();

function modelOf(rubric: Rubric): Model {
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

function valueAt(values: number[], position: number): number {
  const top = values.length - 1;
  const p = Math.min(Math.max(position, 0), top);
  const low = Math.floor(p);
  const lowValue = values[low] as number;
  if (low === p) return lowValue;
  return lowValue + (p - low) * ((values[low + 1] as number) - lowValue);
}

function percentOf(c: ModelCriterion, value: number): number {
  return (100 * (value - c.min)) / (c.max - c.min);
}

/** The weighted averages of §3, for one set of positions. */
function totalsAt(model: Model, positions: Positions): Totals {
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
 * One decimal, rounding half up on the number's shortest decimal form, so
 * 54.15 (stored as 54.1499…) shows as 54.2, as a person computing by hand expects.
 */
export function round1(n: number): number {
  const tenths = n * 10;
  // Far from a half, plain arithmetic is exact enough and much faster than strings.
  if (Math.abs(Math.abs(tenths % 1) - 0.5) > 1e-6) return Math.round(tenths) / 10;
  const shifted = Number(`${n}e1`);
  // Exponent forms such as 1e-7 do not take a second exponent; they are far from any half.
  return Number.isFinite(shifted) ? Number(`${Math.round(shifted)}e-1`) : Math.round(n * 10) / 10;
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

function verdictAt(
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

function positionsOf(model: Model, answers: Answers): Positions {
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
function withPosition<T>(
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

/**
 * Scores an assessment by the rules of PRODUCT.md §3. Answers whose value
 * is not a level of the criterion count as unanswered; validation rejects
 * them before they get here.
 */
export function scoreAssessment(
  rubric: Rubric,
  answers: Answers,
  context: ScoringContext = {},
): Results {
  const model = modelOf(rubric);
  const { entries } = model;
  const positions = positionsOf(model, answers);
  const totals = totalsAt(model, positions);
  const answeredSectionWeight = rubric.sections.reduce(
    (sum, section, s) => (totals.sections[s]?.score === null ? sum : sum + section.weight),
    0,
  );
  const sectionAnsweredWeight = rubric.sections.map((_, s) =>
    model.criteria.reduce(
      (sum, c, i) =>
        c.sectionIndex === s && !Number.isNaN(positions[i] as number) ? sum + c.weight : sum,
      0,
    ),
  );

  const criteria: CriterionResult[] = entries.map((entry, i) => {
    const c = model.criteria[i] as ModelCriterion;
    const position = positions[i] as number;
    const answered = !Number.isNaN(position);
    const answer = answered ? answers[entry.fullId] : undefined;
    const value = answered ? valueAt(c.values, position) : null;
    const percent = value === null ? null : percentOf(c, value);
    const share =
      answered && answeredSectionWeight > 0
        ? (entry.section.weight / answeredSectionWeight) *
          (c.weight / (sectionAnsweredWeight[c.sectionIndex] as number))
        : 0;
    return {
      id: entry.fullId,
      sectionId: entry.section.id,
      criterionId: entry.criterion.id,
      name: entry.criterion.name,
      weight: c.weight,
      answered,
      value,
      level: answered ? (entry.criterion.levels[position] ?? null) : null,
      levelNumber: answered ? position + 1 : null,
      levelCount: c.values.length,
      percent,
      evidence: answer?.evidence ?? null,
      notes: answer?.notes ?? '',
      share,
      weightedPoints: percent === null ? null : share * percent,
      redFlag: value !== null && c.knockoutBelow !== undefined && value < c.knockoutBelow,
      stage:
        value === null || context.stage === undefined
          ? null
          : standingOf(entry.criterion, value, context.stage),
    };
  });

  const sections: SectionResult[] = rubric.sections.map((section, s) => ({
    id: section.id,
    name: section.name,
    weight: section.weight,
    score: totals.sections[s]?.score ?? null,
    weightedMean: totals.sections[s]?.mean ?? null,
    answered: criteria.filter((c) => c.sectionId === section.id && c.answered).length,
    total: section.criteria.length,
  }));

  const totalWeight = rubric.sections.reduce(
    (sum, section) => sum + section.weight * section.criteria.reduce((a, c) => a + c.weight, 0),
    0,
  );
  const coverage =
    totalWeight === 0
      ? 0
      : criteria.reduce((sum, c, i) => {
          if (!c.answered) return sum;
          const section = entries[i]?.section;
          return sum + (section?.weight ?? 0) * c.weight;
        }, 0) / totalWeight;
  const answeredCount = criteria.filter((c) => c.answered).length;

  const redFlags: RedFlag[] = criteria.flatMap((c, i) => {
    const knockoutBelow = model.criteria[i]?.knockoutBelow;
    return c.redFlag && c.value !== null && knockoutBelow !== undefined
      ? [{ id: c.id, name: c.name, value: c.value, knockoutBelow }]
      : [];
  });

  const overall = totals.overall;
  const flags = dealBreakerFlags(rubric, context.dealBreakers ?? {});
  const base: Results = {
    overall,
    range: null,
    weightedMean: totals.weightedMean,
    coverage,
    complete: answeredCount === criteria.length,
    answeredCount,
    totalCount: criteria.length,
    verdict: null,
    sections,
    criteria,
    redFlags,
    levers: [],
    toVerify: [],
    robustness: { robust: true, changes: [] },
    evenPercent: null,
    strengths: [],
    weaknesses: [],
    stage: null,
    dealBreakers: flags,
    unansweredDealBreakers: unansweredDealBreakers(rubric, context.dealBreakers ?? {}),
  };
  if (overall === null) return base;

  const range = evidenceRange(model, positions, criteria);
  const stage =
    context.stage === undefined
      ? null
      : stageReadingOf(
          rubric,
          criteria.map((c, i) => ({ ...c, criterion: (entries[i] as CriterionEntry).criterion })),
          context.stage,
          overall,
          range,
        );
  const rule = verdictRuleOf(rubric, stage, flags);
  const verdict = verdictAt(rubric, model, positions, overall, rule);
  return {
    ...base,
    range,
    stage,
    verdict,
    levers: leversOf(model, entries, positions, overall),
    toVerify: rank(
      criteria.filter((c) => c.evidence === 'assumed' && (c.percent ?? 0) >= HIGH_RATING_PERCENT),
      'desc',
    ),
    robustness: robustnessOf(rubric, model, entries, positions, verdict, rule),
    ...strengthsAndWeaknesses(criteria),
  };
}

function evidenceRange(
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

function leversOf(
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

function robustnessOf(
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

function rank(criteria: CriterionResult[], order: 'asc' | 'desc'): RankedCriterion[] {
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
function strengthsAndWeaknesses(
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
