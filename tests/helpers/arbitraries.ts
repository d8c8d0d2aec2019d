import fc from 'fast-check';
import type { Answers, Criterion, Rubric, Section } from '../../src/core/schema';
import type { Evidence } from '../../src/core/vocabulary';
import { EVIDENCE } from '../../src/core/vocabulary';

const text = (s: string) => ({ en: s, zh: s });

/** Positive weights scaled to sum to 100, as the validator requires. */
const weights = (count: number) =>
  fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: count, maxLength: count }).map((raw) => {
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((w) => (100 * w) / sum);
  });

/** Strictly increasing level values, possibly negative and unevenly spaced. */
const levelValues = fc
  .tuple(
    fc.integer({ min: -50, max: 50 }),
    fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 6 }),
  )
  .map(([start, gaps]) =>
    gaps.reduce((values, gap) => [...values, (values.at(-1) as number) + gap], [start]),
  );

const criterionArb = (id: string, weight: number): fc.Arbitrary<Criterion> =>
  fc.tuple(levelValues, fc.boolean()).map(([values, knockout]) => ({
    id,
    name: text(id),
    weight,
    question: text('?'),
    evidencePrompts: [],
    levels: values.map((value) => ({
      value,
      label: text(String(value)),
      descriptor: text(`at ${value}`),
    })),
    ...(knockout ? { knockoutBelow: values[1] as number } : {}),
  }));

const sectionArb = (index: number, weight: number): fc.Arbitrary<Section> =>
  fc.integer({ min: 1, max: 6 }).chain((count) =>
    weights(count).chain((ws) =>
      fc.tuple(...ws.map((w, i) => criterionArb(`c${i}`, w))).map((criteria) => ({
        id: `s${index}`,
        name: text(`S${index}`),
        weight,
        criteria,
      })),
    ),
  );

/** Any rubric that passes validation. */
export const rubricArb: fc.Arbitrary<Rubric> = fc.integer({ min: 1, max: 4 }).chain((count) =>
  fc.tuple(weights(count), fc.integer({ min: 1, max: 99 })).chain(([ws, cut]) =>
    fc.tuple(...ws.map((w, i) => sectionArb(i, w))).map((sections) => ({
      id: 'generated',
      version: '1.0.0',
      name: text('Generated'),
      description: text('Generated'),
      sections,
      bands: [
        { id: 'low', min: 0, max: cut, label: text('low') },
        { id: 'high', min: cut, max: 100, label: text('high') },
      ],
    })),
  ),
);

/** Answers to any subset of the rubric's criteria, each at one of its levels. */
export const answersArb = (rubric: Rubric, { complete = false } = {}): fc.Arbitrary<Answers> => {
  const criteria = rubric.sections.flatMap((s) =>
    s.criteria.map((c) => ({ id: `${s.id}.${c.id}`, c })),
  );
  return fc
    .tuple(
      ...criteria.map(({ c }) =>
        fc.record({
          present: complete ? fc.constant(true) : fc.boolean(),
          index: fc.integer({ min: 0, max: c.levels.length - 1 }),
          evidence: fc.constantFrom<Evidence>(...EVIDENCE),
        }),
      ),
    )
    .map((picks) =>
      Object.fromEntries(
        picks.flatMap((pick, i) => {
          const { id, c } = criteria[i]!;
          return pick.present
            ? [
                [
                  id,
                  {
                    value: c.levels[pick.index]!.value,
                    evidence: pick.evidence,
                    notes: '',
                    facts: [],
                  },
                ],
              ]
            : [];
        }),
      ),
    );
};

export const rubricWithAnswersArb = (options?: { complete?: boolean }) =>
  rubricArb.chain((rubric) => answersArb(rubric, options).map((answers) => ({ rubric, answers })));
