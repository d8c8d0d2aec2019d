import { loadPreset } from '../catalog/rubric-catalog';
import { isPresetId, PRESET_IDS } from '../catalog/preset-ids';
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

type PresetTable = Map<string, { rubric: Rubric; sha256: string }>;
let presetTable: Promise<PresetTable> | null = null;

/** The shipped presets with their digests, loaded once. */
function shippedPresets(): Promise<PresetTable> {
  presetTable ??= loadPresetTable().catch((error: unknown) => {
    presetTable = null;
    throw error;
  });
  return presetTable;
}

async function loadPresetTable(): Promise<PresetTable> {
  const found: PresetTable = new Map();
  for (const id of PRESET_IDS) {
    try {
      const rubric = await loadPreset(id);
      found.set(id, { rubric, sha256: await rubricDigest(rubric) });
    } catch {
      // A preset that does not load is simply not used as a reference.
    }
  }
  return found;
}

/** The reference that stands for `rubric`, or null when it is not exactly a shipped preset. */
export async function presetRefFor(rubric: Rubric): Promise<PresetRef | null> {
  const preset = (await shippedPresets()).get(rubric.id);
  if (preset === undefined) return null;
  const sha256 = await rubricDigest(rubric);
  return sha256 === preset.sha256 ? { $preset: rubric.id, version: rubric.version, sha256 } : null;
}

export type Resolved =
  { ok: true; presets: ReadonlySet<Rubric> } | { ok: false; problems: Problem[] };

/**
 * Puts each referenced preset in place in `items` (freshly parsed values):
 * the one shared, frozen preset object, never a copy, so a link with many
 * references costs no more memory than one. Refuses unknown or different presets.
 */
export async function resolvePresetRefs(items: readonly unknown[]): Promise<Resolved> {
  const problems: Problem[] = [];
  const used = new Set<Rubric>();
  let presets: PresetTable | null = null;
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
    presets ??= await shippedPresets();
    const preset = isPresetId(ref.$preset) ? presets.get(ref.$preset) : undefined;
    if (preset === undefined) {
      problems.push(problem(path, 'share.presetUnknown', { preset: ref.$preset }));
    } else if (preset.sha256 !== ref.sha256) {
      problems.push(
        problem(path, 'share.presetDiffers', {
          preset: ref.$preset,
          version: ref.version,
          shipped: preset.rubric.version,
        }),
      );
    } else {
      item.rubric = preset.rubric;
      used.add(preset.rubric);
    }
  }
  return problems.length === 0 ? { ok: true, presets: used } : { ok: false, problems };
}
