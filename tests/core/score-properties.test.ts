import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../src/core/schema';
import { scoreAssessment } from '../../src/core/score-assessment';
import { validateRubric } from '../../src/core/validate-rubric';
import { rubricArb, rubricWithAnswersArb } from '../helpers/arbitraries';

const numbersIn = (results: ReturnType<typeof scoreAssessment>) => [
  results.overall,
  results.weightedMean,
  results.coverage,
  ...(results.range ?? []),
  ...results.sections.flatMap((s) => [s.score, s.weightedMean]),
  ...results.criteria.flatMap((c) => [c.percent, c.weightedPoints]),
  ...results.levers.map((l) => l.gain),
];

describe('scoring properties over generated rubrics and answers', () => {
  it('generates only rubrics the validator accepts', () => {
    fc.assert(fc.property(rubricArb, (rubric) => validateRubric(rubric).ok));
  });

  it('keeps every score within 0–100 and never produces NaN', () => {
    fc.assert(
      fc.property(rubricWithAnswersArb(), ({ rubric, answers }) => {
        const results = scoreAssessment(rubric, answers);
        for (const n of numbersIn(results)) {
          if (n !== null) expect(Number.isFinite(n)).toBe(true);
        }
        if (results.overall !== null) {
          expect(results.overall).toBeGreaterThanOrEqual(-1e-9);
          expect(results.overall).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
    );
  });

  it('never lists a criterion as both a strength and a weakness, and says when nothing stands out', () => {
    fc.assert(
      fc.property(rubricWithAnswersArb(), ({ rubric, answers }) => {
        const results = scoreAssessment(rubric, answers);
        const strong = results.strengths.map((c) => c.percent);
        const weak = results.weaknesses.map((c) => c.percent);
        const strongIds = new Set(results.strengths.map((c) => c.id));
        expect(results.weaknesses.filter((c) => strongIds.has(c.id))).toEqual([]);
        if (strong.length > 0 && weak.length > 0) {
          expect(Math.min(...strong)).toBeGreaterThan(Math.max(...weak));
        }
        const percents = results.criteria.filter((c) => c.answered).map((c) => c.percent ?? 0);
        const allEqual =
          percents.length > 0 && Math.max(...percents) - Math.min(...percents) < 1e-9;
        expect(results.evenPercent !== null).toBe(allEqual);
        if (allEqual) expect(strong.length + weak.length).toBe(0);
        else if (percents.length > 0) expect(strong.length).toBeGreaterThan(0);
      }),
    );
  });

  it('never lowers the overall when one answer is raised', () => {
    fc.assert(
      fc.property(
        rubricWithAnswersArb({ complete: true }),
        fc.nat(),
        ({ rubric, answers }, pick) => {
          const ids = Object.keys(answers);
          const id = ids[pick % ids.length]!;
          const [sectionId, criterionId] = id.split('.');
          const levels = rubric.sections
            .find((s) => s.id === sectionId)!
            .criteria.find((c) => c.id === criterionId)!.levels;
          const index = levels.findIndex((l) => l.value === answers[id]!.value);
          fc.pre(index < levels.length - 1);
          const raised = { ...answers, [id]: { ...answers[id]!, value: levels[index + 1]!.value } };
          expect(scoreAssessment(rubric, raised).overall!).toBeGreaterThanOrEqual(
            scoreAssessment(rubric, answers).overall! - 1e-9,
          );
        },
      ),
    );
  });

  it('gives the same scores when sections and criteria are listed in another order', () => {
    fc.assert(
      fc.property(rubricWithAnswersArb(), fc.nat(), ({ rubric, answers }, seed) => {
        const rotate = <T>(items: T[]) => items.map((_, i) => items[(i + seed) % items.length]!);
        const permuted: Rubric = {
          ...rubric,
          sections: rotate(rubric.sections).map((s) => ({
            ...s,
            criteria: rotate(s.criteria).reverse(),
          })),
        };
        const a = scoreAssessment(rubric, answers);
        const b = scoreAssessment(permuted, answers);
        expect(b.overall ?? -1).toBeCloseTo(a.overall ?? -1, 9);
        expect(b.weightedMean ?? -1).toBeCloseTo(a.weightedMean ?? -1, 9);
        expect(b.coverage).toBeCloseTo(a.coverage, 9);
        expect(b.verdict?.band.id).toBe(a.verdict?.band.id);
      }),
    );
  });

  it('gives the same scores when every weight is scaled by the same factor', () => {
    fc.assert(
      fc.property(
        rubricWithAnswersArb(),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        ({ rubric, answers }, k) => {
          const scaled: Rubric = {
            ...rubric,
            sections: rubric.sections.map((s) => ({
              ...s,
              weight: s.weight * k,
              criteria: s.criteria.map((c) => ({ ...c, weight: c.weight * k })),
            })),
          };
          const a = scoreAssessment(rubric, answers);
          const b = scoreAssessment(scaled, answers);
          expect(b.overall ?? -1).toBeCloseTo(a.overall ?? -1, 6);
          expect(b.coverage).toBeCloseTo(a.coverage, 9);
        },
      ),
    );
  });

  it('puts the score inside its evidence range', () => {
    fc.assert(
      fc.property(rubricWithAnswersArb(), ({ rubric, answers }) => {
        const results = scoreAssessment(rubric, answers);
        fc.pre(results.overall !== null && results.range !== null);
        expect(results.range![0]).toBeLessThanOrEqual(results.overall! + 1e-9);
        expect(results.range![1]).toBeGreaterThanOrEqual(results.overall! - 1e-9);
      }),
    );
  });

  it('makes the weighted points add up to the overall', () => {
    fc.assert(
      fc.property(rubricWithAnswersArb(), ({ rubric, answers }) => {
        const results = scoreAssessment(rubric, answers);
        fc.pre(results.overall !== null);
        const sum = results.criteria.reduce((s, c) => s + (c.weightedPoints ?? 0), 0);
        expect(sum).toBeCloseTo(results.overall!, 6);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(rubricWithAnswersArb(), ({ rubric, answers }) => {
        expect(scoreAssessment(structuredClone(rubric), answers)).toEqual(
          scoreAssessment(rubric, answers),
        );
      }),
      { numRuns: 30 },
    );
  });
});
