/** The shipped presets, by id; the rubrics themselves load on demand (rubric-catalog.ts). */
export const PRESET_IDS = ['ai-startup-founder', 'ai-startup-investor'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export function isPresetId(id: string): id is PresetId {
  return (PRESET_IDS as readonly string[]).includes(id);
}
