import type { DraftRecord } from './draft-record';
import type { Assessment } from './schema';
import { scoreAssessmentFile } from './score-assessment-file';
import { type Verdict } from './score-results';

/** One line of the library: what the list shows and sorts by, derived from the draft. */
export interface LibraryEntry {
  draft: DraftRecord;
  id: string;
  company: string;
  evaluator: string;
  overall: number | null;
  verdict: Verdict | null;
  answered: number;
  total: number;
  updatedAt: string;
}

export type LibrarySort = 'updated' | 'company' | 'score';

export function libraryEntries(drafts: readonly DraftRecord[]): LibraryEntry[] {
  return drafts.map((draft) => {
    const { assessment } = draft;
    const results = scoreAssessmentFile(assessment);
    return {
      draft,
      id: assessment.id,
      company: assessment.company.name,
      evaluator: assessment.evaluator.name,
      overall: results.overall,
      verdict: results.verdict,
      answered: results.answeredCount,
      total: results.totalCount,
      updatedAt: assessment.updatedAt,
    };
  });
}

/** Search matches company, sector, evaluator and deal, ignoring case; then the chosen order. */
export function queryLibrary(
  entries: readonly LibraryEntry[],
  search: string,
  sort: LibrarySort,
  locale: string,
): LibraryEntry[] {
  const needle = search.trim().toLocaleLowerCase(locale);
  const found = entries.filter((e) => {
    if (needle === '') return true;
    const { company, evaluator, deal } = e.draft.assessment;
    return [company.name, company.sector, evaluator.name, deal].some((text) =>
      text.toLocaleLowerCase(locale).includes(needle),
    );
  });
  const collator = new Intl.Collator(locale);
  const byUpdated = (a: LibraryEntry, b: LibraryEntry) => b.updatedAt.localeCompare(a.updatedAt);
  const order: Record<LibrarySort, (a: LibraryEntry, b: LibraryEntry) => number> = {
    updated: byUpdated,
    company: (a, b) => collator.compare(a.company, b.company) || byUpdated(a, b),
    score: (a, b) => (b.overall ?? -1) - (a.overall ?? -1) || byUpdated(a, b),
  };
  return [...found].sort(order[sort]);
}

/** A copy under a new id: "keep both" on import, and Duplicate. */
export function copyAssessment(
  assessment: Assessment,
  id: string,
  now: string,
  nameSuffix = '',
): Assessment {
  return {
    ...assessment,
    id,
    company: { ...assessment.company, name: `${assessment.company.name}${nameSuffix}` },
    createdAt: now,
    updatedAt: now,
  };
}
