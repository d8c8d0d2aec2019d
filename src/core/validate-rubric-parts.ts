import type { ProblemCode, ProblemParams } from './problems';
import type { Criterion, Rubric } from './schema';
import { evidenceThresholdProblems } from './validate-evidence-thresholds';
import { STAGES } from './vocabulary';

/** Reports one problem at a path inside the rubric (see validate-rubric.ts). */
export type At = (path: PropertyKey[], code: ProblemCode, params?: ProblemParams) => void;

/**
 * The rules for the optional parts of rubric format 2: level checklists,
 * evidence thresholds, stage expectations, the stage band and deal-breakers. Old rubrics have
 * none of them, and pass untouched.
 */
export function rubricPartProblems(rubric: Rubric, at: At, fmt: (n: number) => string): void {
  let expectsStages = false;
  rubric.sections.forEach((section, s) => {
    section.criteria.forEach((criterion, c) => {
      const path = ['sections', s, 'criteria', c];
      checklistProblems(criterion, path, at);
      evidenceThresholdProblems(criterion, path, at, fmt);
      if (criterion.expected !== undefined) {
        expectsStages = true;
        expectationProblems(criterion, path, at, fmt);
      }
    });
  });

  const bandIds = rubric.bands.map((band) => band.id);
  const known = bandIds.map((id) => `"${id}"`).join(', ');
  if (rubric.stageBand !== undefined) {
    const index = bandIds.indexOf(rubric.stageBand);
    if (index < 0) at(['stageBand'], 'rubric.unknownBand', { band: rubric.stageBand, known });
    // Its lower bound is the stage bar; at 0 every score would read as meeting the stage.
    else if (index === 0) at(['stageBand'], 'rubric.stageBandLowest', { band: rubric.stageBand });
  } else if (expectsStages) {
    at(['stageBand'], 'rubric.stageBandMissing');
  }

  const seen = new Map<string, number>();
  rubric.dealBreakers?.forEach((dealBreaker, d) => {
    const first = seen.get(dealBreaker.id);
    if (first !== undefined)
      at(['dealBreakers', d, 'id'], 'rubric.duplicateDealBreaker', {
        id: dealBreaker.id,
        first: `dealBreakers[${first}]`,
      });
    else seen.set(dealBreaker.id, d);
    if (dealBreaker.capBand !== undefined && !bandIds.includes(dealBreaker.capBand))
      at(['dealBreakers', d, 'capBand'], 'rubric.unknownBand', {
        band: dealBreaker.capBand,
        known,
      });
  });
}

function checklistProblems(criterion: Criterion, path: PropertyKey[], at: At): void {
  const withList = criterion.levels.filter((level) => level.checklist !== undefined).length;
  // suggestLevel climbs from the bottom, so a level without facts would stop it for good.
  if (withList > 0 && withList < criterion.levels.length) {
    criterion.levels.forEach((level, l) => {
      if (level.checklist === undefined)
        at([...path, 'levels', l, 'checklist'], 'rubric.checklistMissing', {
          criterion: criterion.id,
        });
    });
  }
  const seen = new Map<string, string>();
  criterion.levels.forEach((level, l) => {
    level.checklist?.forEach((fact, f) => {
      const where = `levels[${l}].checklist[${f}]`;
      const first = seen.get(fact.id);
      if (first !== undefined)
        at([...path, 'levels', l, 'checklist', f, 'id'], 'rubric.duplicateFact', {
          id: fact.id,
          criterion: criterion.id,
          first,
        });
      else seen.set(fact.id, where);
    });
  });
}

function expectationProblems(
  criterion: Criterion,
  path: PropertyKey[],
  at: At,
  fmt: (n: number) => string,
): void {
  const expected = criterion.expected;
  if (expected === undefined) return;
  const values = criterion.levels.map((level) => level.value);
  let previous: { stage: string; value: number } | undefined;
  for (const stage of STAGES) {
    const value = expected[stage];
    if (!values.includes(value)) {
      at([...path, 'expected', stage], 'rubric.expectedNotALevel', {
        value: fmt(value),
        criterion: criterion.id,
        values: values.map(fmt).join(', '),
      });
    } else if (previous !== undefined && value < previous.value) {
      at([...path, 'expected', stage], 'rubric.expectedFalls', {
        value: fmt(value),
        previous: fmt(previous.value),
        stage: previous.stage,
      });
    }
    previous = { stage, value };
  }
}
