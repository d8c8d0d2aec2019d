import { loadArchivedPreset } from '../catalog/archived-presets';
import { loadPreset } from '../catalog/rubric-catalog';
import { isPresetId, type PresetId } from '../catalog/preset-ids';
import { isRecord, problem, type Problem } from '../core/problems';
import type { Rubric } from '../core/schema';
import { rubricDigest } from './rubric-digest';

/**
 * A rubric snapshot identical to a shipped preset travels as a reference
 * instead of its ~50 KB of text; the digest makes sure the opener's copy of
 * the preset is the very same rubric. (`$preset` can never be a key of a
 * real rubric, whose shape is strict.)
 */
export interface PresetRef {
  $preset: string;
  version: string;
  sha256: string;
}

interface KnownPreset {
  rubric: Rubric;
  sha256: string;
}

/** Each preset version with its digest, loaded once per version (`id@version`). */
const known = new Map<string, Promise<KnownPreset | null>>();

/** The current preset: its version is whatever this build ships. */
function currentPreset(id: PresetId): Promise<KnownPreset | null> {
  return remembered(`${id}@current`, () => loadPreset(id));
}

/**
 * A given version of a preset: the current one, or an archived one (links
 * made before the preset changed keep opening). Null when this build has no
 * such version.
 */
async function presetVersion(id: PresetId, version: string): Promise<KnownPreset | null> {
  const current = await currentPreset(id);
  if (current?.rubric.version === version) return current;
  const archived = loadArchivedPreset(id, version);
  return archived === null ? null : remembered(`${id}@${version}`, () => archived);
}

function remembered(key: string, load: () => Promise<Rubric>): Promise<KnownPreset | null> {
  let entry = known.get(key);
  if (entry === undefined) {
    entry = load().then(
      async (rubric) => ({ rubric, sha256: await rubricDigest(rubric) }),
      // A preset that does not load is simply not used as a reference.
      () => null,
    );
    // A failure of the digest itself (no WebCrypto) is not remembered: the next call tries again.
    entry.catch(() => known.delete(key));
    known.set(key, entry);
  }
  return entry;
}

/** The reference that stands for `rubric`, or null when it is not exactly a shipped preset version. */
export async function presetRefFor(rubric: Rubric): Promise<PresetRef | null> {
  if (!isPresetId(rubric.id)) return null;
  const preset = await presetVersion(rubric.id, rubric.version);
  if (preset === null) return null;
  const sha256 = await rubricDigest(rubric);
  return sha256 === preset.sha256 ? { $preset: rubric.id, version: rubric.version, sha256 } : null;
}

export type Resolved =
  { ok: true; presets: ReadonlySet<Rubric> } | { ok: false; problems: Problem[] };

/**
 * Puts each referenced preset in place in `items` (freshly parsed values):
 * the one shared, frozen preset object, never a copy, so a link with many
 * references costs no more memory than one. Refuses unknown or different
 * presets; a reference to an archived version (a link made before the preset
 * changed) gets that version back.
 */
export async function resolvePresetRefs(items: readonly unknown[]): Promise<Resolved> {
  const problems: Problem[] = [];
  const used = new Set<Rubric>();
  for (const [i, item] of items.entries()) {
    if (!isRecord(item) || !isRecord(item.rubric) || !Object.hasOwn(item.rubric, '$preset')) {
      continue;
    }
    const ref = item.rubric;
    const path = `assessments[${i}].rubric`;
    const keys = Object.keys(ref).sort().join(',');
    if (
      keys !== '$preset,sha256,version' ||
      typeof ref.$preset !== 'string' ||
      typeof ref.version !== 'string' ||
      typeof ref.sha256 !== 'string'
    ) {
      problems.push(problem(path, 'share.presetRefShape'));
      continue;
    }
    const current = isPresetId(ref.$preset) ? await currentPreset(ref.$preset) : null;
    if (!isPresetId(ref.$preset) || current === null) {
      problems.push(problem(path, 'share.presetUnknown', { preset: ref.$preset }));
      continue;
    }
    const preset = await presetVersion(ref.$preset, ref.version);
    if (preset === null || preset.sha256 !== ref.sha256) {
      problems.push(
        problem(path, 'share.presetDiffers', {
          preset: ref.$preset,
          version: ref.version,
          shipped: current.rubric.version,
        }),
      );
    } else {
      item.rubric = preset.rubric;
      used.add(preset.rubric);
    }
  }
  return problems.length === 0 ? { ok: true, presets: used } : { ok: false, problems };
}
