import type { AssessmentSummary } from './assessment-summary';
import type { Assessment } from './schema';

export type LibrarySort = 'updated' | 'company' | 'score';

/** Search matches company, sector, evaluator and deal, ignoring case; then the chosen order. */
export function queryLibrary(
  summaries: readonly AssessmentSummary[],
  search: string,
  sort: LibrarySort,
  locale: string,
): AssessmentSummary[] {
  const needle = search.trim().toLocaleLowerCase(locale);
  const found =
    needle === ''
      ? [...summaries]
      : summaries.filter(({ company, evaluator, deal }) =>
          [company.name, company.sector, evaluator.name, deal].some((text) =>
            text.toLocaleLowerCase(locale).includes(needle),
          ),
        );
  const collator = new Intl.Collator(locale);
  const byUpdated = (a: AssessmentSummary, b: AssessmentSummary) =>
    b.updatedAt.localeCompare(a.updatedAt);
  const order: Record<LibrarySort, (a: AssessmentSummary, b: AssessmentSummary) => number> = {
    updated: byUpdated,
    company: (a, b) => collator.compare(a.company.name, b.company.name) || byUpdated(a, b),
    score: (a, b) => (b.overall ?? -1) - (a.overall ?? -1) || byUpdated(a, b),
  };
  return found.sort(order[sort]);
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
