import { describe, expect, it } from 'vitest';
import type { DealBreaker, Rubric } from '../../src/core/schema';
import { validateRubric } from '../../src/core/validate-rubric';
import { problemText } from '../../src/i18n/problem-text';
import { readJson } from '../helpers/fixtures';
import { stagedRubric } from '../helpers/staged-rubric';

type Breaker = { rule: string; breakIt: (r: Rubric) => void; path: string; says: RegExp };
const x = (r: Rubric) => r.sections[0]!.criteria[0]!;
const fact = (id: string) => ({ id, text: { en: id, zh: id } });

/** One broken rubric per rule of the format-2 parts, with where and what the message says. */
const breakers: Breaker[] = [
  {
    rule: 'a checklist lists at least two facts',
    breakIt: (r) => (x(r).levels[0]!.checklist = [fact('only')]),
    path: 'sections[0](alpha).criteria[0](x).levels[0].checklist',
    says: /^needs at least 2 entries$/,
  },
  {
    rule: 'a checklist lists at most four facts',
    breakIt: (r) => (x(r).levels[1]!.checklist = ['a', 'b', 'c', 'd', 'e'].map(fact)),
    path: 'sections[0](alpha).criteria[0](x).levels[1].checklist',
    says: /^has 5 entries; the limit is 4$/,
  },
  {
    rule: 'fact ids are unique within the criterion',
    breakIt: (r) => (x(r).levels[3]!.checklist![1]!.id = 'x1a'),
    path: 'sections[0](alpha).criteria[0](x).levels[3].checklist[1](x1a).id',
    says: /duplicate fact id "x1a" in criterion "x" \(first at levels\[0\]\.checklist\[0\]\)/,
  },
  {
    rule: 'a fact has text in both languages',
    breakIt: (r) => (x(r).levels[2]!.checklist![0]!.text.zh = ' '),
    path: 'sections[0](alpha).criteria[0](x).levels[2].checklist[0](x3a).text.zh',
    says: /^is empty$/,
  },
  {
    rule: 'a criterion with checklists has one on every level',
    breakIt: (r) => delete x(r).levels[4]!.checklist,
    path: 'sections[0](alpha).criteria[0](x).levels[4].checklist',
    says: /every level needs one/,
  },
  {
    rule: 'an expectation is one of the criterion’s level values',
    breakIt: (r) => (r.sections[0]!.criteria[2]!.expected!['series-a'] = 3),
    path: 'sections[0](alpha).criteria[2](z).expected.series-a',
    says: /3 is not a level of "z": must be one of 0, 2, 10/,
  },
  {
    rule: 'a later stage expects no less than an earlier one',
    breakIt: (r) => (x(r).expected!['series-b'] = 2),
    path: 'sections[0](alpha).criteria[0](x).expected.series-b',
    says: /2 is below the 3 expected at series-a/,
  },
  {
    rule: 'expectations name all six stages',
    breakIt: (r) => delete (x(r).expected as Partial<Record<string, number>>).growth,
    path: 'sections[0](alpha).criteria[0](x).expected.growth',
    says: /missing|expected number/,
  },
  {
    rule: 'expectations name no other stage',
    breakIt: (r) => Object.assign(x(r).expected!, { 'series-c': 5 }),
    path: 'sections[0](alpha).criteria[0](x).expected',
    says: /does not know: "series-c"/,
  },
  {
    rule: 'stage expectations need a stage band',
    breakIt: (r) => delete r.stageBand,
    path: 'stageBand',
    says: /is missing: criteria set stage expectations/,
  },
  {
    rule: 'the stage band is a band',
    breakIt: (r) => (r.stageBand = 'medium'),
    path: 'stageBand',
    says: /no band "medium": must be one of "low", "mid", "high"/,
  },
  {
    rule: 'the stage band is not the lowest band',
    breakIt: (r) => (r.stageBand = 'low'),
    path: 'stageBand',
    says: /lowest band/,
  },
  {
    rule: 'deal-breaker ids are unique',
    breakIt: (r) => (r.dealBreakers![1]!.id = 'ip'),
    path: 'dealBreakers[1](ip).id',
    says: /duplicate deal-breaker id "ip" \(first at dealBreakers\[0\]\)/,
  },
  {
    rule: 'a deal-breaker caps at a band that exists',
    breakIt: (r) => (r.dealBreakers![1]!.capBand = 'watch'),
    path: 'dealBreakers[1](runway).capBand',
    says: /no band "watch"/,
  },
  {
    rule: 'a deal-breaker walks away on yes or no',
    breakIt: (r) => Object.assign(r.dealBreakers![0]!, { walkAwayWhen: 'maybe' }),
    path: 'dealBreakers[0](ip).walkAwayWhen',
    says: /yes|no/,
  },
  {
    rule: 'a deal-breaker has an explanation',
    breakIt: (r) => delete (r.dealBreakers![0] as Partial<DealBreaker>).explanation,
    path: 'dealBreakers[0](ip).explanation',
    says: /missing/,
  },
  {
    rule: 'rubric text is capped',
    breakIt: (r) => (x(r).levels[0]!.descriptor.en = 'x'.repeat(4001)),
    path: 'sections[0](alpha).criteria[0](x).levels[0].descriptor.en',
    says: /; the limit is 4000$/,
  },
  {
    rule: 'ids are capped',
    breakIt: (r) => (r.dealBreakers![0]!.id = 'a'.repeat(65)),
    path: `dealBreakers[0](${'a'.repeat(65)}).id`,
    says: /; the limit is 64$/,
  },
];

describe('validateRubric on the parts of rubric format 2', () => {
  it('accepts the staged fixture, and tiny.json without any of the new parts', () => {
    expect(validateRubric(stagedRubric())).toMatchObject({ ok: true });
    expect(validateRubric(readJson('tests/fixtures/rubrics/tiny.json'))).toMatchObject({
      ok: true,
    });
  });

  it.each(breakers)('refuses a rubric that breaks "$rule"', ({ breakIt, path, says }) => {
    const r = stagedRubric();
    breakIt(r);
    const checked = validateRubric(r);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const shown = checked.problems.map((p) => ({ path: p.path, message: problemText(p, 'en') }));
    expect(shown).toContainEqual({ path, message: expect.stringMatching(says) });
  });

  it('accepts a rubric with checklists on no level, and deal-breakers without a cap band', () => {
    const r = stagedRubric();
    for (const level of x(r).levels) delete level.checklist;
    delete r.dealBreakers![1]!.capBand;
    expect(validateRubric(r).ok).toBe(true);
  });
});
