import { describe, expect, it } from 'vitest';
import { newDraft } from '../../src/core/draft';
import { summarize } from '../../src/core/assessment-summary';
import { copyAssessment, queryLibrary } from '../../src/core/library';
import { scoreAssessmentFile } from '../../src/core/score-assessment-file';
import type { Assessment } from '../../src/core/schema';
import { answers, makeAssessment, tinyRubric } from '../helpers/fixtures';

const rubric = tinyRubric();
const entry = (
  id: string,
  company: string,
  evaluator: string,
  x: number | null,
  updated: string,
  more: Partial<Assessment> = {},
) =>
  newDraft(
    makeAssessment(rubric, x === null ? {} : answers({ 'alpha.x': [x, 'verified', 'note'] }), {
      id,
      company: { name: company, stage: 'seed', sector: more.company?.sector ?? '' },
      evaluator: { name: evaluator, role: 'investor' },
      updatedAt: updated,
      deal: more.deal ?? id,
    }),
    updated,
  );

const drafts = [
  entry('a', 'DeepLake AI', 'Li Wei', 4, '2026-11-29T10:00:00.000Z', {
    company: { name: 'ignored', stage: 'seed', sector: 'LLM tooling' },
  }),
  entry('b', '深湖智能', 'Zhang Min', 2, '2026-11-29T12:00:00.000Z', { deal: 'lake-fund-ii' }),
  entry('c', 'Acme', 'Ann', null, '2026-11-29T11:00:00.000Z'),
];
const entries = drafts.map((d) => summarize(d, 'hash'));
const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe('summaries', () => {
  it('scores each draft: x at level 4 of 1–5 alone is 75 overall, 1 of 5 answered', () => {
    expect(entries[0]).toMatchObject({ overall: 75, answeredCount: 1, totalCount: 5 });
    expect(entries[2]).toMatchObject({ overall: null, answeredCount: 0 });
  });
});

describe('a summary', () => {
  it('leaves notes and ticked facts out, and scores as the whole assessment does', () => {
    const full = makeAssessment(
      rubric,
      { 'alpha.x': { value: 4, evidence: 'verified', notes: 'why level 4', facts: ['a', 'b'] } },
      { id: 'f' },
    );
    const summary = summarize(newDraft(full, '2026-11-30T00:00:00.000Z'), 'hash');
    expect(summary.answers['alpha.x']).toEqual({
      value: 4,
      evidence: 'verified',
      notes: '',
      facts: [],
    });
    expect(summary.overall).toBe(scoreAssessmentFile(full).overall);
  });
});

describe('queryLibrary', () => {
  it('finds by company, sector, evaluator and deal key, ignoring case, but not by notes', () => {
    expect(ids(queryLibrary(entries, 'deeplake', 'updated', 'en'))).toEqual(['a']);
    expect(ids(queryLibrary(entries, 'llm TOOLING', 'updated', 'en'))).toEqual(['a']);
    expect(ids(queryLibrary(entries, 'zhang', 'updated', 'en'))).toEqual(['b']);
    expect(ids(queryLibrary(entries, 'fund-ii', 'updated', 'en'))).toEqual(['b']);
    // A match lies inside one field: the sector's end and the evaluator's start are not one text.
    expect(ids(queryLibrary(entries, 'tooling li', 'updated', 'en'))).toEqual([]);
    expect(ids(queryLibrary(entries, '深湖', 'updated', 'zh-CN'))).toEqual(['b']);
    expect(ids(queryLibrary(entries, 'note', 'updated', 'en'))).toEqual([]);
    expect(ids(queryLibrary(entries, '   ', 'updated', 'en'))).toHaveLength(3);
  });

  it('orders by last change, by company, or by score with unscored last', () => {
    expect(ids(queryLibrary(entries, '', 'updated', 'en'))).toEqual(['b', 'c', 'a']);
    expect(ids(queryLibrary(entries, '', 'score', 'en'))).toEqual(['a', 'b', 'c']);
    expect(ids(queryLibrary(entries, '', 'company', 'en'))).toEqual(['c', 'a', 'b']);
  });
});

describe('copyAssessment', () => {
  it('gives a copy its own id and dates, keeps the answers, and leaves the original as it was', () => {
    const original = drafts[0]!.assessment;
    const before = JSON.stringify(original);
    const copy = copyAssessment(original, 'new-id', '2026-12-01T00:00:00.000Z', ' (copy)');
    expect(copy).toMatchObject({
      id: 'new-id',
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
      company: { name: `${original.company.name} (copy)` },
      answers: original.answers,
    });
    expect(JSON.stringify(original)).toBe(before);
  });
});
