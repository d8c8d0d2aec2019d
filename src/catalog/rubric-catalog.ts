import type { Rubric } from '../core/schema';
import { checkedPreset } from './checked-preset';
import type { PresetId } from './preset-ids';

/** Each preset is its own chunk, loaded when chosen. */
const PRESET_LOADERS: Record<PresetId, () => Promise<{ default: unknown }>> = {
  'ai-startup-founder': () => import('../../rubrics/ai-startup-founder.json'),
  'ai-startup-investor': () => import('../../rubrics/ai-startup-investor.json'),
};

const loaded = new Map<PresetId, Promise<Rubric>>();

/** A shipped preset, checked once and frozen: every caller gets the same object. */
export function loadPreset(id: PresetId): Promise<Rubric> {
  let preset = loaded.get(id);
  if (preset === undefined) {
    preset = PRESET_LOADERS[id]().then((module) =>
      checkedPreset(`rubrics/${id}.json`, module.default),
    );
    preset.catch(() => loaded.delete(id));
    loaded.set(id, preset);
  }
  return preset;
}
