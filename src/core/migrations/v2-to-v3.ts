import { isRecord } from '../problems';

/**
 * Version 3 adds ticked checklist facts to each answer (`facts`) and the
 * answers to the rubric's deal-breaker questions (`dealBreakers`). A version 2
 * file ticked nothing and answered nothing, so both start empty. Anything
 * that is not shaped like an answer is left for validation to report.
 */
export function v2ToV3(file: Record<string, unknown>): Record<string, unknown> {
  const answers = isRecord(file.answers)
    ? Object.fromEntries(
        Object.entries(file.answers).map(([id, answer]) => [
          id,
          isRecord(answer) && !Object.hasOwn(answer, 'facts') ? { ...answer, facts: [] } : answer,
        ]),
      )
    : file.answers;
  const dealBreakers = Object.hasOwn(file, 'dealBreakers') ? file.dealBreakers : {};
  return { ...file, answers, dealBreakers, version: 3 };
}
