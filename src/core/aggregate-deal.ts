import { problem, type Problem } from './problems';
import { krippendorffAlphaInterval, readAlpha, type AgreementReading } from './krippendorff-alpha';
import { listCriteria } from './rubric-index';
import type { Assessment, LocalizedText, Rubric } from './schema';
import type { Role } from './vocabulary';
import { scoreAssessmentFile } from './score-assessment-file';
import { type Results } from './score-results';

/** Raters two levels or more apart on a criterion are worth a conversation. */
export const DISAGREEMENT_LEVELS = 2;

export interface RaterView {
  id: string;
  name: string;
  role: Role;
  complete: boolean;
  results: Results;
}

export interface CriterionAggregate {
  id: string;
  name: LocalizedText;
  weight: number;
  /** Each rater's percent, in rater order; null where the rater did not answer. */
  values: (number | null)[];
  /** Each rater's level number (1-based), null where unanswered. */
  levels: (number | null)[];
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Largest gap between two raters' levels. */
  levelSpread: number;
  disagreement: boolean;
  /** Founder's percent minus the investors' mean, when both exist. */
  founderGap: number | null;
}

export interface DealView {
  rubric: Rubric;
  raters: RaterView[];
  criteria: CriterionAggregate[];
  sections: { id: string; name: LocalizedText; score: number | null }[];
  /** The overall score of the mean criterion percents, by the rubric's weights. */
  overall: number | null;
  alpha: number | null;
  agreement: AgreementReading;
  disagreements: string[];
  redFlags: { rater: string; criterion: string }[];
  /** Deal-breakers a rater answered the walk-away way: each caps that rater's verdict. */
  dealBreakers: { rater: string; id: string }[];
  coverage: number;
}

export type DealResult = { ok: true; value: DealView } | { ok: false; problem: Problem };

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const criterionIds = new WeakMap<Rubric, string>();

/** The rubric's criterion ids in order, as one string: assessments of a pipeline share few rubrics. */
function criterionIdsOf(rubric: Rubric): string {
  let ids = criterionIds.get(rubric);
  if (ids === undefined) {
    ids = listCriteria(rubric)
      .map((e) => e.fullId)
      .join(',');
    criterionIds.set(rubric, ids);
  }
  return ids;
}

/**
 * Several raters' assessments of one company, gathered: per criterion the
 * spread of their percents, where they disagree, how far they agree overall
 * (Krippendorff's alpha, interval metric, over the criterion percents), and
 * the score of their mean. All must use the same rubric (id and criteria).
 */
export function aggregateDeal(assessments: readonly Assessment[]): DealResult {
  const [first] = assessments;
  if (first === undefined) return { ok: false, problem: problem('(root)', 'deal.empty') };
  const rubric = first.rubric;
  const ids = criterionIdsOf(rubric);
  for (const a of assessments) {
    if (a.rubric.id !== rubric.id || criterionIdsOf(a.rubric) !== ids) {
      return {
        ok: false,
        problem: problem('(root)', 'deal.mixedRubrics', {
          id: a.id,
          rubric: a.rubric.id,
          expected: rubric.id,
        }),
      };
    }
  }

  const raters: RaterView[] = assessments.map((a) => {
    // Only the scores are aggregated: no levers or robustness per rater.
    const results = scoreAssessmentFile(a, { findings: false });
    return {
      id: a.id,
      name: a.evaluator.name,
      role: a.evaluator.role,
      complete: results.complete,
      results,
    };
  });
  const founders = raters.map((r, i) => (r.role === 'founder' ? i : -1)).filter((i) => i >= 0);
  const others = raters.map((r, i) => (r.role === 'founder' ? -1 : i)).filter((i) => i >= 0);

  const criteria: CriterionAggregate[] = listCriteria(rubric).map((entry, c) => {
    const rows = raters.map((r) => r.results.criteria[c]!);
    const values = rows.map((row) => row.percent);
    const levels = rows.map((row) => row.levelNumber);
    const given = values.filter((v): v is number => v !== null);
    const givenLevels = levels.filter((v): v is number => v !== null);
    const levelSpread =
      givenLevels.length < 2 ? 0 : Math.max(...givenLevels) - Math.min(...givenLevels);
    const founder = mean(
      founders.map((i) => values[i]).filter((v): v is number => v !== null && v !== undefined),
    );
    const investors = mean(
      others.map((i) => values[i]).filter((v): v is number => v !== null && v !== undefined),
    );
    return {
      id: entry.fullId,
      name: entry.criterion.name,
      weight: entry.criterion.weight,
      values,
      levels,
      mean: mean(given),
      median: median(given),
      min: given.length === 0 ? null : Math.min(...given),
      max: given.length === 0 ? null : Math.max(...given),
      levelSpread,
      disagreement: levelSpread >= DISAGREEMENT_LEVELS,
      founderGap: founder === null || investors === null ? null : founder - investors,
    };
  });

  const sections = rubric.sections.map((section) => {
    const inSection = criteria.filter((c) => c.id.startsWith(`${section.id}.`) && c.mean !== null);
    const weight = inSection.reduce((sum, c) => sum + c.weight, 0);
    const score =
      weight === 0
        ? null
        : inSection.reduce((sum, c) => sum + c.weight * (c.mean ?? 0), 0) / weight;
    return { id: section.id, name: section.name, weight: section.weight, score };
  });
  const scored = sections.filter((s) => s.score !== null);
  const sectionWeight = scored.reduce((sum, s) => sum + s.weight, 0);
  const overall =
    sectionWeight === 0
      ? null
      : scored.reduce((sum, s) => sum + s.weight * (s.score ?? 0), 0) / sectionWeight;
  const alpha = krippendorffAlphaInterval(
    criteria.map((c) => c.values.filter((v): v is number => v !== null)),
  );

  return {
    ok: true,
    value: {
      rubric,
      raters,
      criteria,
      sections: sections.map(({ id, name, score }) => ({ id, name, score })),
      overall,
      alpha,
      agreement: readAlpha(alpha),
      disagreements: criteria.filter((c) => c.disagreement).map((c) => c.id),
      redFlags: raters.flatMap((r) =>
        r.results.redFlags.map((f) => ({ rater: r.id, criterion: f.id })),
      ),
      dealBreakers: raters.flatMap((r) =>
        r.results.dealBreakers.map((f) => ({ rater: r.id, id: f.id })),
      ),
      coverage:
        raters.length === 0
          ? 0
          : raters.reduce((sum, r) => sum + r.results.coverage, 0) / raters.length,
    },
  };
}
