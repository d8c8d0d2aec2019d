import { problemsForDevelopers } from '../core/problems';
import type { Rubric } from '../core/schema';
import { validateRubric } from '../core/validate-rubric';

/**
 * A shipped rubric file, checked like any other rubric (a broken preset is a
 * bug worth a loud error) and frozen: every caller shares the one object, so
 * holding it a thousand times costs nothing and nobody can change it.
 */
export function checkedPreset(file: string, value: unknown): Rubric {
  const checked = validateRubric(value);
  if (!checked.ok) throw new Error(problemsForDevelopers(file, checked.problems));
  return deepFreeze(checked.value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
