import type { PresetId } from '../catalog/preset-ids';
import type { Assessment, Rubric } from '../core/schema';

/*
 * Things the first screen offers but does not need to draw: each pulls in the
 * schema library (and its data) only when the user asks for it.
 */

export async function loadPresetRubric(id: PresetId): Promise<Rubric> {
  const { loadPreset } = await import('../catalog/rubric-catalog');
  return loadPreset(id);
}

/** A rubric chosen on the start screen: `preset:<id>` or `custom:<id>` (saved in this browser). */
export async function loadRubricChoice(
  choice: string,
  readCustom: (id: string) => string | null,
): Promise<Rubric> {
  const [kind, id = ''] = choice.split(/:(.*)/s);
  if (kind === 'preset') {
    const { isPresetId } = await import('../catalog/preset-ids');
    if (isPresetId(id)) return loadPresetRubric(id);
  }
  const [{ parseJsonSafely }, { validateRubric }, { problemsForDevelopers }] = await Promise.all([
    import('../core/safe-json'),
    import('../core/validate-rubric'),
    import('../core/problems'),
  ]);
  const json = parseJsonSafely(readCustom(id) ?? '');
  const checked = json.ok ? validateRubric(json.value) : json;
  if (!checked.ok) throw new Error(problemsForDevelopers(`rubric "${id}"`, checked.problems));
  return checked.value;
}

/** The bundled example: a fictional AI startup, fully answered. */
export async function loadExample(): Promise<Assessment> {
  const [{ validateAssessment }, { problemsForDevelopers }, module] = await Promise.all([
    import('../core/assessment-file'),
    import('../core/problems'),
    import('../../examples/deeplake-ai.json'),
  ]);
  const checked = validateAssessment(module.default);
  if (!checked.ok)
    throw new Error(problemsForDevelopers('examples/deeplake-ai.json', checked.problems));
  return checked.value;
}
