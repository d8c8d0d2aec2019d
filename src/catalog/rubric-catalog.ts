import { formatProblems } from '../core/problems';
import type { Rubric } from '../core/schema';
import { validateRubric } from '../core/validate-rubric';
import type { PresetId } from './preset-ids';

export { isPresetId, PRESET_IDS, type PresetId } from './preset-ids';

/** Each preset is its own chunk, loaded when chosen. */
const PRESET_LOADERS: Record<PresetId, () => Promise<{ default: unknown }>> = {
  'ai-startup-founder': () => import('../../rubrics/ai-startup-founder.json'),
  'ai-startup-investor': () => import('../../rubrics/ai-startup-investor.json'),
};

/** A shipped preset, checked like any other rubric: a broken preset is a bug worth a loud error. */
export async function loadPreset(id: PresetId): Promise<Rubric> {
  const module = await PRESET_LOADERS[id]();
  const checked = validateRubric(module.default);
  if (!checked.ok) throw new Error(formatProblems(`rubrics/${id}.json`, checked.problems));
  return checked.value;
}
