import { formatPath, problemsFromZod, type Problem } from './problems';
import { rubricShapeSchema, WEIGHT_TOLERANCE, type Rubric } from './schema';
import { rubricPartProblems } from './validate-rubric-parts';

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * Checks a rubric against every rule of PRODUCT.md §2: first its shape (zod),
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
  const at = (path: PropertyKey[], message: string) =>
    problems.push({ path: formatPath(path, rubric), message });

  checkSum(
    rubric.sections.map((s) => s.weight),
    (sum) => at(['sections'], `section weights sum to ${fmt(sum)}, expected 100`),
  );
  checkUnique(
    rubric.sections.map((s) => s.id),
    (i, dup) => at(['sections', i, 'id'], `duplicate section id "${dup}"`),
  );

  rubric.sections.forEach((section, s) => {
    checkSum(
      section.criteria.map((c) => c.weight),
      (sum) =>
        at(
          ['sections', s, 'criteria'],
          `criterion weights in section "${section.id}" sum to ${fmt(sum)}, expected 100`,
        ),
    );
    checkUnique(
      section.criteria.map((c) => c.id),
      (i, dup) =>
        at(
          ['sections', s, 'criteria', i, 'id'],
          `duplicate criterion id "${dup}" in section "${section.id}"`,
        ),
    );
    section.criteria.forEach((criterion, c) => {
      const path = ['sections', s, 'criteria', c];
      criterion.levels.forEach((level, l) => {
        const previous = criterion.levels[l - 1];
        if (previous !== undefined && level.value <= previous.value) {
          at(
            [...path, 'levels', l, 'value'],
            `level values must strictly increase: ${fmt(level.value)} follows ${fmt(previous.value)}`,
          );
        }
      });
      const { knockoutBelow } = criterion;
      const lowest = criterion.levels[0]?.value;
      const highest = criterion.levels.at(-1)?.value;
      if (knockoutBelow !== undefined && lowest !== undefined && highest !== undefined) {
        if (knockoutBelow <= lowest || knockoutBelow > highest) {
          at(
            [...path, 'knockoutBelow'],
            `knockoutBelow ${fmt(knockoutBelow)} must be above the lowest level (${fmt(lowest)}) and at most the highest (${fmt(highest)})`,
          );
        }
      }
    });
  });

  checkUnique(
    rubric.bands.map((b) => b.id),
    (i, dup) => at(['bands', i, 'id'], `duplicate band id "${dup}"`),
  );
  rubric.bands.forEach((band, b) => {
    if (band.min >= band.max) {
      at(
        ['bands', b],
        `band "${band.id}" is empty: min ${fmt(band.min)} is not below max ${fmt(band.max)}`,
      );
    }
    if (b === 0 && band.min !== 0) {
      at(['bands', b, 'min'], `bands must start at 0; the first starts at ${fmt(band.min)}`);
    }
    const previous = rubric.bands[b - 1];
    if (previous !== undefined && band.min !== previous.max) {
      const kind = band.min > previous.max ? 'gap' : 'overlap';
      at(
        ['bands', b, 'min'],
        `${kind} between bands "${previous.id}" (ends at ${fmt(previous.max)}) and "${band.id}" (starts at ${fmt(band.min)}); list bands in ascending order, each starting where the previous ends`,
      );
    }
  });
  const last = rubric.bands.at(-1);
  if (last !== undefined && last.max !== 100) {
    at(
      ['bands', rubric.bands.length - 1, 'max'],
      `bands must end at 100; the last ends at ${fmt(last.max)}`,
    );
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
