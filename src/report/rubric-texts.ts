import { listCriteria } from '../core/rubric-index';
import type { Assessment, Rubric } from '../core/schema';
import type { Lang } from '../core/vocabulary';

/* Rubric text the reports quote: the ticked facts of an answer, the levels in the appendix. */

export type RubricAppendix = { criterion: string; levels: [label: string, descriptor: string][] }[];

/** The text of each fact ticked for a criterion, in checklist order. */
export function factTexts(assessment: Assessment, id: string, lang: Lang): string[] {
  const answer = Object.hasOwn(assessment.answers, id) ? assessment.answers[id] : undefined;
  const criterion = listCriteria(assessment.rubric).find((e) => e.fullId === id)?.criterion;
  if (answer === undefined || criterion === undefined) return [];
  const ticked = new Set(answer.facts);
  return criterion.levels.flatMap((level) =>
    (level.checklist ?? []).filter((fact) => ticked.has(fact.id)).map((fact) => fact.text[lang]),
  );
}

/** The rubric's level descriptors, for the appendix of every report. */
export function rubricAppendix(rubric: Rubric, lang: Lang): RubricAppendix {
  return listCriteria(rubric).map(({ criterion }) => ({
    criterion: criterion.name[lang],
    levels: criterion.levels.map((level, i) => [
      `${i + 1} · ${level.label[lang]}`,
      level.descriptor[lang],
    ]),
  }));
}
