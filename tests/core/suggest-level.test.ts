import { describe, expect, it } from 'vitest';
import { suggestLevel } from '../../src/core/suggest-level';
import { stagedRubric } from '../helpers/staged-rubric';

/* alpha.x checklists: x1a x1b · x2a x2b · x3a x3b x3c · x4a x4b · x5a x5b; alpha.y has none. */
const rubric = stagedRubric();
const x = rubric.sections[0]!.criteria[0]!;
const y = rubric.sections[0]!.criteria[1]!;
const value = (ticked: string[]) => suggestLevel(x, ticked)?.value ?? null;

describe('suggestLevel', () => {
  it('suggests nothing until the lowest level is fully ticked', () => {
    expect(value([])).toBeNull();
    expect(value(['x1a'])).toBeNull();
    expect(value(['x2a', 'x2b'])).toBeNull();
  });

  it('suggests the highest level whose facts, and every lower level’s, are all ticked', () => {
    expect(value(['x1a', 'x1b'])).toBe(1);
    expect(value(['x1a', 'x1b', 'x2a', 'x2b', 'x3a', 'x3b'])).toBe(2);
    expect(value(['x1a', 'x1b', 'x2a', 'x2b', 'x3a', 'x3b', 'x3c'])).toBe(3);
    const all = x.levels.flatMap((l) => l.checklist!.map((f) => f.id));
    expect(value(all)).toBe(5);
  });

  it('stops at a gap: facts ticked above an incomplete level do not count', () => {
    expect(value(['x1a', 'x1b', 'x3a', 'x3b', 'x3c', 'x4a', 'x4b'])).toBe(1);
  });

  it('ignores unknown ids, duplicates and order, and takes any iterable', () => {
    expect(value(['x2b', 'nope', 'x1b', 'x2a', 'x1a', 'x1a'])).toBe(2);
    expect(suggestLevel(x, new Set(['x1a', 'x1b']))?.value).toBe(1);
  });

  it('suggests nothing for a criterion without checklists', () => {
    expect(suggestLevel(y, ['x1a', 'x1b'])).toBeNull();
  });
});
