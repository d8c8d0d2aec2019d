import type { Rubric } from '../core/schema';
import { checkedPreset } from './checked-preset';
import type { PresetId } from './preset-ids';

/*
 * Earlier versions of the shipped presets (rubrics/archive/). Share links made
 * with them name the preset by version and digest, so the opener needs the
 * very same rubric; they are never needed on the first screen, so each is
 * its own chunk, loaded only when a link or a re-score asks for it.
 */
const ARCHIVE_LOADERS: Record<PresetId, Record<string, () => Promise<{ default: unknown }>>> = {
  'ai-startup-founder': {
    '1.0.0': () => import('../../rubrics/archive/ai-startup-founder-1.0.0.json'),
  },
  'ai-startup-investor': {
    '1.0.0': () => import('../../rubrics/archive/ai-startup-investor-1.0.0.json'),
  },
};

const loaded = new Map<string, Promise<Rubric>>();

/** The archived versions of a preset, oldest first. */
export function archivedVersionsOf(id: PresetId): string[] {
  return Object.keys(ARCHIVE_LOADERS[id]);
}

/** An archived version of a preset, checked once and frozen; null when it is not archived. */
export function loadArchivedPreset(id: PresetId, version: string): Promise<Rubric> | null {
  const versions = ARCHIVE_LOADERS[id];
  const loader = Object.hasOwn(versions, version) ? versions[version] : undefined;
  if (loader === undefined) return null;
  const key = `${id}@${version}`;
  let preset = loaded.get(key);
  if (preset === undefined) {
    preset = loader().then((module) =>
      checkedPreset(`rubrics/archive/${id}-${version}.json`, module.default),
    );
    preset.catch(() => loaded.delete(key));
    loaded.set(key, preset);
  }
  return preset;
}
