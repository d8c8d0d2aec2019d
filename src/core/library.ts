import type { AssessmentSummary } from './assessment-summary';
import type { Assessment } from './schema';
import { newestFirst } from './newest-first';

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
      : summaries.filter((summary) => searchTextOf(summary, locale).includes(needle));
  const collator = new Intl.Collator(locale);
  const byUpdated = (a: AssessmentSummary, b: AssessmentSummary) =>
    newestFirst(a.updatedAt, b.updatedAt);
  const order: Record<LibrarySort, (a: AssessmentSummary, b: AssessmentSummary) => number> = {
    updated: byUpdated,
    company: (a, b) => collator.compare(a.company.name, b.company.name) || byUpdated(a, b),
    score: (a, b) => (b.overall ?? -1) - (a.overall ?? -1) || byUpdated(a, b),
  };
  return found.sort(order[sort]);
}

const searchTexts = new WeakMap<AssessmentSummary, { locale: string; text: string }>();

/**
 * The fields a search looks in, lower-cased once per summary rather than on
 * every keystroke. A line break keeps a match from running across two fields
 * (the search box holds one line).
 */
function searchTextOf(summary: AssessmentSummary, locale: string): string {
  const cached = searchTexts.get(summary);
  if (cached?.locale === locale) return cached.text;
  const { company, evaluator, deal } = summary;
  const text = [company.name, company.sector, evaluator.name, deal]
    .join('\n')
    .toLocaleLowerCase(locale);
  searchTexts.set(summary, { locale, text });
  return text;
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
