import { levelIndexOf } from './rubric-index';
import type { Criterion, Rubric } from './schema';
import type { Stage, Standing } from './vocabulary';

/** Where one rated criterion stands against what a fundable company at its stage has reached. */
export interface CriterionStanding {
  stage: Stage;
  /** The expected level value, and its 1-based number on the scale. */
  expected: number;
  expectedLevelNumber: number;
  standing: Standing;
  /** Levels above (positive) or below (negative) the expectation. */
  gap: number;
}

/** The whole assessment read against its stage (docs/scoring.md, "Stage"). */
export interface StageReading {
  stage: Stage;
  /** B: the overall score of a company exactly at every expectation, over the answered criteria. */
  bar: number;
  /** F: the lower bound of the rubric's stage band, where the bar lands. */
  line: number;
  /** R: the overall score mapped so that B reads as F; the verdict band is looked up with it. */
  score: number;
  /** The evidence range mapped the same way. */
  range: [number, number];
  ahead: string[];
  at: string[];
  behind: string[];
}

/** What the stage reading needs of each criterion's result. */
export interface StageInput {
  id: string;
  criterion: Criterion;
  value: number | null;
  percent: number | null;
  /** Share of the overall among the answered criteria (they sum to 1). */
  share: number;
}

export function standingOf(
  criterion: Criterion,
  value: number,
  stage: Stage,
): CriterionStanding | null {
  const expected = criterion.expected?.[stage];
  if (expected === undefined) return null;
  const expectedIndex = levelIndexOf(criterion, expected);
  const index = levelIndexOf(criterion, value);
  if (expectedIndex < 0 || index < 0) return null;
  const gap = index - expectedIndex;
  return {
    stage,
    expected,
    expectedLevelNumber: expectedIndex + 1,
    standing: gap > 0 ? 'ahead' : gap < 0 ? 'behind' : 'at',
    gap,
  };
}

/**
 * Piecewise-linear and increasing: 0 stays 0, 100 stays 100, and the bar B
 * lands on the line F. Scores below the bar are read as a share of it, scores
 * above as a share of the distance left to 100.
 */
export function stageRelativeScore(overall: number, bar: number, line: number): number {
  if (overall <= bar) return bar <= 0 ? line : (line * overall) / bar;
  return bar >= 100 ? 100 : line + ((100 - line) * (overall - bar)) / (100 - bar);
}

/**
 * Reads the answered criteria against the stage. Null when the rubric names
 * no stage band or no answered criterion has an expectation: the verdict then
 * reads the plain score, as rubrics without stages always did.
 */
export function stageReadingOf(
  rubric: Rubric,
  inputs: readonly StageInput[],
  stage: Stage,
  overall: number,
  range: [number, number],
): StageReading | null {
  const band = rubric.bands.find((b) => b.id === rubric.stageBand);
  if (band === undefined) return null;
  let bar = 0;
  let expectations = 0;
  const lists: Record<Standing, string[]> = { ahead: [], at: [], behind: [] };
  for (const input of inputs) {
    if (input.value === null || input.percent === null) continue;
    const standing = standingOf(input.criterion, input.value, stage);
    // A criterion without an expectation counts at its own answer, moving bar and score alike.
    let percent = input.percent;
    if (standing !== null) {
      expectations += 1;
      lists[standing.standing].push(input.id);
      const { min, max } = valueSpan(input.criterion);
      percent = (100 * (standing.expected - min)) / (max - min);
    }
    bar += input.share * percent;
  }
  if (expectations === 0) return null;
  const read = (score: number) => stageRelativeScore(score, bar, band.min);
  return {
    stage,
    bar,
    line: band.min,
    score: read(overall),
    range: [read(range[0]), read(range[1])],
    ...lists,
  };
}

function valueSpan(criterion: Criterion): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const { value } of criterion.levels) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}
