import type { Criterion, Rubric } from '../../src/core/schema';
import { STAGES, type Stage } from '../../src/core/vocabulary';
import { readJson } from './fixtures';

type Levels = Record<Stage, number>;

/** The same expected level value at every stage from `from` on, and `before` until then. */
export const stepAt = (from: Stage, before: number, after: number): Levels =>
  Object.fromEntries(
    STAGES.map((stage, i) => [stage, i >= STAGES.indexOf(from) ? after : before]),
  ) as Levels;

const fact = (id: string) => ({ id, text: { en: `fact ${id}`, zh: `事实 ${id}` } });

/**
 * tiny.json with the parts of rubric format 2, for hand arithmetic:
 * - alpha.x has a checklist on every level: x1a x1b · x2a x2b · x3a x3b x3c · x4a x4b · x5a x5b;
 * - expectations (seed / growth; idea and pre-seed expect each lowest level):
 *     x 3 / 5 · y 2 / 4 · z 2 / 10 · p 4 / 5 · q 2 / 4;
 * - the stage band is "mid" (its lower bound, 40, is the stage line);
 * - deal-breakers: "ip" walks away on "no" (caps at the lowest band),
 *   "runway" walks away on "yes" and caps at "mid".
 */
export function stagedRubric(): Rubric {
  const rubric = structuredClone(readJson('tests/fixtures/rubrics/tiny.json')) as Rubric;
  const criterion = (sectionId: string, id: string) =>
    rubric.sections.find((s) => s.id === sectionId)!.criteria.find((c) => c.id === id)!;
  const x = criterion('alpha', 'x');
  const ids = [
    ['x1a', 'x1b'],
    ['x2a', 'x2b'],
    ['x3a', 'x3b', 'x3c'],
    ['x4a', 'x4b'],
    ['x5a', 'x5b'],
  ];
  x.levels.forEach((level, i) => (level.checklist = ids[i]!.map(fact)));
  const expect = (c: Criterion, seed: number, growth: number) => {
    const lowest = c.levels[0]!.value;
    c.expected = { ...stepAt('seed', lowest, seed), growth };
  };
  expect(x, 3, 5);
  expect(criterion('alpha', 'y'), 2, 4);
  expect(criterion('alpha', 'z'), 2, 10);
  expect(criterion('beta', 'p'), 4, 5);
  expect(criterion('beta', 'q'), 2, 4);
  rubric.stageBand = 'mid';
  rubric.dealBreakers = [
    {
      id: 'ip',
      question: { en: 'Is all IP assigned to the company?', zh: '知识产权是否已全部归属公司？' },
      walkAwayWhen: 'no',
      explanation: { en: 'Unassigned IP.', zh: '知识产权未归属公司。' },
    },
    {
      id: 'runway',
      question: { en: 'Is runway under 3 months?', zh: '资金是否撑不过 3 个月？' },
      walkAwayWhen: 'yes',
      explanation: { en: 'No time to close.', zh: '来不及完成融资。' },
      capBand: 'mid',
    },
  ];
  return rubric;
}
