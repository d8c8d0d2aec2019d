import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../src/core/schema';
import { validateRubric } from '../../src/core/validate-rubric';
import { problemLines, problemText } from '../../src/i18n/problem-text';
import { readJson } from '../helpers/fixtures';

type Json = Record<string, unknown> & Rubric;
const tiny = () => structuredClone(readJson('tests/fixtures/rubrics/tiny.json')) as Json;

/** One broken rubric per rule of docs/rubric-format.md, with what the message must say. */
const badRubrics: { rule: string; breakIt: (r: Json) => void; path: string; says: RegExp }[] = [
  {
    rule: 'criterion weights within a section sum to 100',
    breakIt: (r) => (r.sections[0]!.criteria[0]!.weight = 40),
    path: 'sections[0](alpha).criteria',
    says: /section "alpha" sum to 90, expected 100/,
  },
  {
    rule: 'section weights sum to 100',
    breakIt: (r) => (r.sections[1]!.weight = 50),
    path: 'sections',
    says: /section weights sum to 110, expected 100/,
  },
  {
    rule: 'weights are positive',
    breakIt: (r) => (r.sections[1]!.criteria[1]!.weight = 0),
    path: 'sections[1](beta).criteria[1](q).weight',
    says: /^must be more than 0, found 0$/,
  },
  {
    rule: 'section ids are unique',
    breakIt: (r) => (r.sections[1]!.id = 'alpha'),
    path: 'sections[1](alpha).id',
    says: /duplicate section id "alpha"/,
  },
  {
    rule: 'criterion ids are unique within a section',
    breakIt: (r) => (r.sections[0]!.criteria[1]!.id = 'x'),
    path: 'sections[0](alpha).criteria[1](x).id',
    says: /duplicate criterion id "x"/,
  },
  {
    rule: 'band ids are unique',
    breakIt: (r) => (r.bands[1]!.id = 'low'),
    path: 'bands[1](low).id',
    says: /duplicate band id "low"/,
  },
  {
    rule: 'ids match [a-z][a-z0-9-]*',
    breakIt: (r) => (r.sections[0]!.criteria[0]!.id = 'Market Demand'),
    path: 'sections[0](alpha).criteria[0](Market Demand).id',
    says: /\[a-z\]\[a-z0-9-\]\*/,
  },
  {
    rule: 'level values strictly increase',
    breakIt: (r) => (r.sections[1]!.criteria[0]!.levels[2]!.value = 2),
    path: 'sections[1](beta).criteria[0](p).levels[2].value',
    says: /strictly increase: 2 follows 2/,
  },
  {
    rule: 'every localized string has English',
    breakIt: (r) => delete (r.sections[0]!.criteria[2]!.question as Partial<Rubric['name']>).en,
    path: 'sections[0](alpha).criteria[2](z).question.en',
    says: /^is missing \(expected text\)$/,
  },
  {
    rule: 'every localized string has Chinese',
    breakIt: (r) => (r.bands[2]!.label.zh = '  '),
    path: 'bands[2](high).label.zh',
    says: /^is empty$/,
  },
  {
    rule: 'bands start at 0',
    breakIt: (r) => (r.bands[0]!.min = 5),
    path: 'bands[0](low).min',
    says: /start at 0/,
  },
  {
    rule: 'bands end at 100',
    breakIt: (r) => (r.bands[2]!.max = 99),
    path: 'bands[2](high).max',
    says: /end at 100/,
  },
  {
    rule: 'bands leave no gap',
    breakIt: (r) => (r.bands[1]!.min = 45),
    path: 'bands[1](mid).min',
    says: /gap between bands "low" \(ends at 40\) and "mid" \(starts at 45\)/,
  },
  {
    rule: 'bands do not overlap',
    breakIt: (r) => (r.bands[2]!.min = 65),
    path: 'bands[2](high).min',
    says: /overlap between bands "mid" \(ends at 70\) and "high" \(starts at 65\)/,
  },
  {
    rule: 'a band is not empty',
    breakIt: (r) => {
      r.bands[1]!.max = 40;
      r.bands[2]!.min = 40;
    },
    path: 'bands[1](mid)',
    says: /band "mid" is empty/,
  },
  {
    rule: 'knockoutBelow lies within the levels',
    breakIt: (r) => (r.sections[0]!.criteria[1]!.knockoutBelow = 1),
    path: 'sections[0](alpha).criteria[1](y).knockoutBelow',
    says: /above the lowest level \(1\)/,
  },
  {
    rule: 'a criterion has at least two levels',
    breakIt: (r) =>
      (r.sections[1]!.criteria[1]!.levels = r.sections[1]!.criteria[1]!.levels.slice(0, 1)),
    path: 'sections[1](beta).criteria[1](q).levels',
    says: /^needs at least 2 entries$/,
  },
  {
    rule: 'no unknown keys (typos are caught)',
    breakIt: (r) => Object.assign(r.sections[0]!.criteria[0]!, { weigth: 5 }),
    path: 'sections[0](alpha).criteria[0](x)',
    says: /^has keys this format does not know: "weigth"$/,
  },
  {
    rule: 'a version looks like 1.2.3',
    breakIt: (r) => (r.version = 'latest'),
    path: 'version',
    says: /1\.2\.3/,
  },
];

describe('validateRubric', () => {
  it('accepts the valid fixture', () => {
    expect(validateRubric(tiny())).toMatchObject({ ok: true });
  });

  it('accepts weights that sum to 100 within 0.01', () => {
    const r = tiny();
    const [x, y, z] = r.sections[0]!.criteria;
    x!.weight = 33.33;
    y!.weight = 33.33;
    z!.weight = 33.33;
    expect(validateRubric(r).ok).toBe(true);
    z!.weight = 33.3;
    expect(validateRubric(r).ok).toBe(false);
  });

  it.each(badRubrics)(
    'refuses a rubric that breaks "$rule", naming where and what',
    ({ breakIt, path, says }) => {
      const r = tiny();
      breakIt(r);
      const checked = validateRubric(r);
      expect(checked.ok).toBe(false);
      if (checked.ok) return;
      const shown = checked.problems.map((p) => ({ path: p.path, text: problemText(p, 'en') }));
      expect(shown).toContainEqual({ path, text: expect.stringMatching(says) });
      // The same problem reads in Chinese too, every placeholder filled.
      const zh = checked.problems.map((p) => problemText(p, 'zh'));
      for (const text of zh) expect(text).not.toMatch(/\{\w+\}/);
    },
  );

  it('reports every problem at once, each line naming the file', () => {
    const r = tiny();
    r.sections[0]!.criteria[0]!.weight = 40;
    r.bands[1]!.min = 45;
    const checked = validateRubric(r);
    if (checked.ok) throw new Error('expected problems');
    const text = problemLines(checked.problems, 'en', 'rubrics/mine.json');
    expect(text.split('\n')).toEqual([
      expect.stringMatching(/^rubrics\/mine\.json: sections\[0\]\(alpha\)\.criteria: .*sum to 90/),
      expect.stringMatching(/^rubrics\/mine\.json: bands\[1\]\(mid\)\.min: gap/),
    ]);
  });

  it('refuses things that are not rubrics at all', () => {
    for (const input of [null, 42, 'rubric', [], {}]) {
      expect(validateRubric(input).ok).toBe(false);
    }
  });
});
