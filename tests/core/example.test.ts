import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAssessment, serializeAssessment } from '../../src/core/assessment-file';
import { listCriteria } from '../../src/core/rubric-index';
import type { Assessment } from '../../src/core/schema';
import { scoreAssessmentFile } from '../../src/core/score-assessment-file';
import { suggestLevel } from '../../src/core/suggest-level';
import { readJson, repoPath } from '../helpers/fixtures';

const text = readFileSync(repoPath('examples/deeplake-ai.json'), 'utf8');
const parsed = parseAssessment(text);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const example: Assessment = parsed.value;
const entries = listCriteria(example.rubric);
const entry = (id: string) => entries.find((e) => e.fullId === id)!;
const descriptor = (id: string, value: number) =>
  entry(id).criterion.levels.find((l) => l.value === value)!.descriptor.en;

/*
 * The numbers each note gives, set against a threshold quoted from a level's
 * descriptor: the chosen level's thresholds hold, the next level's fail. A change
 * in the rubric or in the notes breaks this table.
 */
type Row = [
  id: string,
  note: string,
  figure: number,
  level: number,
  quote: string,
  threshold: number,
];
const holds: Row[] = [
  ['market.demand', '9 confirm the pain', 9, 2, 'at least 7 of whom confirm', 7],
  ['market.demand', 'LOIs from 3 named city banks', 3, 3, 'at least 3 named organisations', 3],
  ['market.competition', 'Map of 6 competitors', 6, 2, 'covers at least 5 competitors', 5],
  ['market.resources', '18 months', 18, 4, 'runway is at least 18 months', 18],
  ['market.team', 'worked together 3 years', 36, 3, 'worked together for at least 12 months', 12],
  ['differentiation.innovation', 'inference cost −55%', 55, 3, 'by at least 30%', 30],
  ['differentiation.data', '96.5% correct', 96.5, 2, 'at least 95% correct', 95],
  ['differentiation.data', '120,000 clauses', 120_000, 3, 'at least 100,000 labelled', 100_000],
  ['differentiation.commercialization', '2 paid pilots', 2, 3, 'at least 1 customer pays', 1],
  ['differentiation.experience', 'uptime 99.6%', 99.6, 3, 'at least 99%', 99],
  ['differentiation.experience', '80% still weekly active', 80, 4, 'at least 60% of users', 60],
];
const fails: Row[] = [
  ['market.demand', '5 organisations signed', 5, 4, 'at least 10 organisations', 10],
  ['market.team', '1 senior hire', 1, 4, 'at least 2 senior hires', 2],
  ['differentiation.algorithms', 'shows +4.1', 4.1, 4, 'at least 5 points of F1', 5],
  ['differentiation.commercialization', '2 paying customers', 2, 4, 'at least 3 paying', 3],
  ['differentiation.experience', 'uptime 99.6%', 99.6, 5, 'at least 99.9%', 99.9],
];

describe('the bundled example', () => {
  it('is the file the app writes, byte for byte, under the current founder preset', () => {
    expect(serializeAssessment(example)).toBe(text);
    expect(example.rubric).toEqual(readJson('rubrics/ai-startup-founder.json'));
    expect(example.rubric.version).toBe('2.0.0');
    expect(Object.keys(example.answers)).toEqual(entries.map((e) => e.fullId));
  });

  it.each(entries.map((e) => e.fullId))(
    'rates %s at exactly the level its ticked facts support',
    (id) => {
      const answer = example.answers[id]!;
      expect(suggestLevel(entry(id).criterion, answer.facts)?.value).toBe(answer.value);
    },
  );

  it.each(entries.map((e) => e.fullId))(
    'explains in both languages why %s is not one level higher',
    (id) => {
      const { value, notes } = example.answers[id]!;
      const top = entry(id).criterion.levels.at(-1)!.value;
      if (value === top) return;
      const [en, zh] = notes.split(' / ');
      expect(en).toMatch(new RegExp(`level ${value + 1}`));
      expect(zh).toMatch(new RegExp(`第 ${value + 1} 级`));
    },
  );

  it.each(holds)(
    '%s: "%s" meets a threshold of its level',
    (id, note, figure, level, quote, threshold) => {
      expect(example.answers[id]!.notes).toContain(note);
      expect(example.answers[id]!.value).toBeGreaterThanOrEqual(level);
      expect(descriptor(id, level)).toContain(quote);
      expect(figure).toBeGreaterThanOrEqual(threshold);
    },
  );

  it.each(fails)(
    '%s: "%s" falls short of the next level',
    (id, note, figure, level, quote, threshold) => {
      expect(example.answers[id]!.notes).toContain(note);
      expect(example.answers[id]!.value).toBe(level - 1);
      expect(descriptor(id, level)).toContain(quote);
      expect(figure).toBeLessThan(threshold);
    },
  );

  it('answers every deal-breaker, none the walk-away way', () => {
    const asked = example.rubric.dealBreakers!.map((d) => d.id);
    expect(Object.keys(example.dealBreakers)).toEqual(asked);
    const results = scoreAssessmentFile(example);
    expect(results.dealBreakers).toEqual([]);
    expect(results.unansweredDealBreakers).toEqual([]);
  });

  it('reads against seed expectations by hand: score 48.25, bar 40.25, reading 65.4', () => {
    const results = scoreAssessmentFile(example);
    const percent = (id: string) => (100 * (example.answers[id]!.value - 1)) / 4;
    const expectedPercent = (id: string) => (100 * (entry(id).criterion.expected!.seed - 1)) / 4;
    const weighted = (read: (id: string) => number) =>
      example.rubric.sections.reduce(
        (total, s) =>
          total +
          (s.weight / 100) *
            s.criteria.reduce((sum, c) => sum + (c.weight / 100) * read(`${s.id}.${c.id}`), 0),
        0,
      );
    expect(weighted(percent)).toBeCloseTo(48.25, 10);
    expect(weighted(expectedPercent)).toBeCloseTo(40.25, 10);
    expect(results.overall).toBeCloseTo(48.25, 10);
    expect(results.stage?.bar).toBeCloseTo(40.25, 10);
    // 60 + 40 · (48.25 − 40.25) / (100 − 40.25)
    expect(results.stage?.score).toBeCloseTo(60 + (40 * 8) / 59.75, 10);
    // "Close the gaps first" by the plain score; at seed it meets the stage's bar.
    expect(results.verdict?.uncapped.id).toBe('fundable');
    expect(results.stage?.behind).toEqual(['market.competition', 'market.technology']);
  });
});
