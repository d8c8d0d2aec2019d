import type { Criterion, Level } from './schema';

/**
 * The level a rater's ticked facts support: the highest level whose checklist
 * is fully ticked, climbing from the lowest level and stopping at the first
 * level with a fact left unticked. Levels are cumulative (each one presumes
 * the ones below it hold), so facts ticked above a gap do not count: they
 * point at evidence to check, not at a higher level.
 *
 * Null when not even the lowest level's facts are all ticked, or when the
 * criterion has no checklists. The rater still chooses the level; this only
 * suggests one.
 */
export function suggestLevel(criterion: Criterion, tickedFactIds: Iterable<string>): Level | null {
  const ticked = new Set(tickedFactIds);
  let suggested: Level | null = null;
  for (const level of criterion.levels) {
    const facts = level.checklist;
    if (facts === undefined || !facts.every((fact) => ticked.has(fact.id))) break;
    suggested = level;
  }
  return suggested;
}
