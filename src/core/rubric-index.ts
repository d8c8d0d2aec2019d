import type { Criterion, Level, Rubric, Section } from './schema';

export interface CriterionEntry {
  /** `section.criterion`, the key of answers in the file format. */
  fullId: string;
  section: Section;
  criterion: Criterion;
  /** Position in section order, 0-based: ties are broken by it. */
  order: number;
}

export function fullId(sectionId: string, criterionId: string): string {
  return `${sectionId}.${criterionId}`;
}

/** Every criterion in section order, as the wizard walks them. */
export function listCriteria(rubric: Rubric): CriterionEntry[] {
  const entries: CriterionEntry[] = [];
  for (const section of rubric.sections) {
    for (const criterion of section.criteria) {
      entries.push({
        fullId: fullId(section.id, criterion.id),
        section,
        criterion,
        order: entries.length,
      });
    }
  }
  return entries;
}

export function levelOf(criterion: Criterion, value: number): Level | undefined {
  return criterion.levels.find((level) => level.value === value);
}

export function levelIndexOf(criterion: Criterion, value: number): number {
  return criterion.levels.findIndex((level) => level.value === value);
}

/** The ids of every checklist fact of a criterion, level by level from the lowest. */
export function factIdsOf(criterion: Criterion): string[] {
  return criterion.levels.flatMap((level) => (level.checklist ?? []).map((fact) => fact.id));
}
