import type { Rubric } from '../core/schema';
import { validateRubric } from '../core/validate-rubric';
import { formatProblems } from '../core/problems';

/** The shipped presets; each loads on demand so the first screen stays small. */
const PRESET_LOADERS = {
  'ai-startup-founder': () => import('../../rubrics/ai-startup-founder.json'),
  'ai-startup-investor': () => import('../../rubrics/ai-startup-investor.json'),
} as const;

export type PresetId = keyof typeof PRESET_LOADERS;
export const PRESET_IDS = Object.keys(PRESET_LOADERS) as PresetId[];

export function isPresetId(id: string): id is PresetId {
  return Object.hasOwn(PRESET_LOADERS, id);
}

/** A shipped preset, checked like any other rubric: a broken preset is a bug worth a loud error. */
export async function loadPreset(id: PresetId): Promise<Rubric> {
  const module = await PRESET_LOADERS[id]();
  const checked = validateRubric(module.default);
  if (!checked.ok) throw new Error(formatProblems(`rubrics/${id}.json`, checked.problems));
  return checked.value;
}
