import {
  formatPath,
  problemsFromZod,
  type Problem,
  type ProblemCode,
  type ProblemParams,
} from './problems';
import { rubricShapeSchema, WEIGHT_TOLERANCE, type Rubric } from './schema';
import { rubricPartProblems } from './validate-rubric-parts';

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * Checks a rubric against every rule of docs/rubric-format.md: first its shape (zod),
 * then the rules that relate fields to each other.
 */
export function validateRubric(input: unknown): Validated<Rubric> {
  const parsed = rubricShapeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error, input) };
  const problems = rubricRuleProblems(parsed.data);
  return problems.length === 0 ? { ok: true, value: parsed.data } : { ok: false, problems };
}

export function rubricRuleProblems(rubric: Rubric): Problem[] {
  const problems: Problem[] = [];
  const at = (path: PropertyKey[], code: ProblemCode, params: ProblemParams = {}) =>
    problems.push({ path: formatPath(path, rubric), code, params });

  checkSum(
    rubric.sections.map((s) => s.weight),
    (sum) => at(['sections'], 'rubric.sectionWeights', { sum: fmt(sum) }),
  );
  checkUnique(
    rubric.sections.map((s) => s.id),
    (i, dup) => at(['sections', i, 'id'], 'rubric.duplicateSection', { id: dup }),
  );

  rubric.sections.forEach((section, s) => {
    checkSum(
      section.criteria.map((c) => c.weight),
      (sum) =>
        at(['sections', s, 'criteria'], 'rubric.criterionWeights', {
          section: section.id,
          sum: fmt(sum),
        }),
    );
    checkUnique(
      section.criteria.map((c) => c.id),
      (i, dup) =>
        at(['sections', s, 'criteria', i, 'id'], 'rubric.duplicateCriterion', {
          id: dup,
          section: section.id,
        }),
    );
    section.criteria.forEach((criterion, c) => {
      const path = ['sections', s, 'criteria', c];
      criterion.levels.forEach((level, l) => {
        const previous = criterion.levels[l - 1];
        if (previous !== undefined && level.value <= previous.value) {
          at([...path, 'levels', l, 'value'], 'rubric.levelsOrder', {
            value: fmt(level.value),
            previous: fmt(previous.value),
          });
        }
      });
      const { knockoutBelow } = criterion;
      const lowest = criterion.levels[0]?.value;
      const highest = criterion.levels.at(-1)?.value;
      if (knockoutBelow !== undefined && lowest !== undefined && highest !== undefined) {
        if (knockoutBelow <= lowest || knockoutBelow > highest) {
          at([...path, 'knockoutBelow'], 'rubric.knockoutRange', {
            value: fmt(knockoutBelow),
            lowest: fmt(lowest),
            highest: fmt(highest),
          });
        }
      }
    });
  });

  checkUnique(
    rubric.bands.map((b) => b.id),
    (i, dup) => at(['bands', i, 'id'], 'rubric.duplicateBand', { id: dup }),
  );
  rubric.bands.forEach((band, b) => {
    if (band.min >= band.max) {
      at(['bands', b], 'rubric.bandEmpty', {
        id: band.id,
        min: fmt(band.min),
        max: fmt(band.max),
      });
    }
    if (b === 0 && band.min !== 0) {
      at(['bands', b, 'min'], 'rubric.bandsStart', { min: fmt(band.min) });
    }
    const previous = rubric.bands[b - 1];
    if (previous !== undefined && band.min !== previous.max) {
      at(['bands', b, 'min'], band.min > previous.max ? 'rubric.bandsGap' : 'rubric.bandsOverlap', {
        previous: previous.id,
        end: fmt(previous.max),
        id: band.id,
        start: fmt(band.min),
      });
    }
  });
  const last = rubric.bands.at(-1);
  if (last !== undefined && last.max !== 100) {
    at(['bands', rubric.bands.length - 1, 'max'], 'rubric.bandsEnd', { max: fmt(last.max) });
  }
  rubricPartProblems(rubric, at, fmt);
  return problems;
}

function checkSum(weights: number[], report: (sum: number) => void): void {
  const sum = weights.reduce((a, b) => a + b, 0);
  // The epsilon keeps 33.33 · 3 (99.99000000000001 in floating point) inside the tolerance.
  if (Math.abs(sum - 100) > WEIGHT_TOLERANCE + 1e-9) report(sum);
}

function checkUnique(ids: string[], report: (index: number, id: string) => void): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) report(i, id);
    seen.add(id);
  });
}

/** Numbers in messages: no float noise such as 89.99999999. */
function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
