import { problemsForDevelopers } from '../core/problems';
import type { Rubric } from '../core/schema';
import { validateRubric } from '../core/validate-rubric';
import type { PresetId } from './preset-ids';

/** Each preset is its own chunk, loaded when chosen. */
const PRESET_LOADERS: Record<PresetId, () => Promise<{ default: unknown }>> = {
  'ai-startup-founder': () => import('../../rubrics/ai-startup-founder.json'),
  'ai-startup-investor': () => import('../../rubrics/ai-startup-investor.json'),
};

const loaded = new Map<PresetId, Promise<Rubric>>();

/**
 * A shipped preset, checked like any other rubric (a broken preset is a bug
 * worth a loud error), once: every caller gets the same frozen object, so
 * holding it a thousand times costs nothing and nobody can change it.
 */
export function loadPreset(id: PresetId): Promise<Rubric> {
  let preset = loaded.get(id);
  if (preset === undefined) {
    preset = PRESET_LOADERS[id]().then((module) => {
      const checked = validateRubric(module.default);
      if (!checked.ok) {
        throw new Error(problemsForDevelopers(`rubrics/${id}.json`, checked.problems));
      }
      return deepFreeze(checked.value);
    });
    preset.catch(() => loaded.delete(id));
    loaded.set(id, preset);
  }
  return preset;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
