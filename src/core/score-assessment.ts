import { dealBreakerFlags, unansweredDealBreakers } from './deal-breakers';
import type { CriterionEntry } from './rubric-index';
import type { Answers, Rubric } from './schema';
import {
  evidenceRange,
  HIGH_RATING_PERCENT,
  leversOf,
  rank,
  robustnessOf,
  strengthsAndWeaknesses,
} from './score-findings';
import {
  modelOf,
  percentOf,
  positionsOf,
  totalsAt,
  valueAt,
  verdictAt,
  type ModelCriterion,
} from './score-model';
import type { CriterionResult, RedFlag, Results, SectionResult } from './score-results';
import { standingOf, stageReadingOf } from './stage-expectation';
import { verdictRuleOf, type ScoringContext } from './verdict-rule';

/**
 * Scores an assessment by the rules of docs/scoring.md. Answers whose value
 * is not a level of the criterion count as unanswered; validation rejects
 * them before they get here.
 */
export function scoreAssessment(
  rubric: Rubric,
  answers: Answers,
  context: ScoringContext = {},
): Results {
  const model = modelOf(rubric);
  const { entries } = model;
  const positions = positionsOf(model, answers);
  const totals = totalsAt(model, positions);
  // A criterion's share of the overall: its section's share among sections with answers,
  // times its own share among the answered criteria of that section.
  const weightOfSectionsWithAnswers = rubric.sections.reduce(
    (sum, section, s) => (totals.sections[s]?.score === null ? sum : sum + section.weight),
    0,
  );
  const answeredCriteriaWeightBySection = rubric.sections.map((_, s) =>
    model.criteria.reduce(
      (sum, c, i) =>
        c.sectionIndex === s && !Number.isNaN(positions[i] as number) ? sum + c.weight : sum,
      0,
    ),
  );

  const criteria: CriterionResult[] = entries.map((entry, i) => {
    const c = model.criteria[i] as ModelCriterion;
    const position = positions[i] as number;
    const answered = !Number.isNaN(position);
    const answer = answered ? answers[entry.fullId] : undefined;
    const value = answered ? valueAt(c.values, position) : null;
    const percent = value === null ? null : percentOf(c, value);
    const share =
      answered && weightOfSectionsWithAnswers > 0
        ? (entry.section.weight / weightOfSectionsWithAnswers) *
          (c.weight / (answeredCriteriaWeightBySection[c.sectionIndex] as number))
        : 0;
    return {
      id: entry.fullId,
      sectionId: entry.section.id,
      criterionId: entry.criterion.id,
      name: entry.criterion.name,
      weight: c.weight,
      answered,
      value,
      level: answered ? (entry.criterion.levels[position] ?? null) : null,
      levelNumber: answered ? position + 1 : null,
      levelCount: c.values.length,
      percent,
      evidence: answer?.evidence ?? null,
      notes: answer?.notes ?? '',
      share,
      weightedPoints: percent === null ? null : share * percent,
      redFlag: value !== null && c.knockoutBelow !== undefined && value < c.knockoutBelow,
      stage:
        value === null || context.stage === undefined
          ? null
          : standingOf(entry.criterion, value, context.stage),
    };
  });

  const sections: SectionResult[] = rubric.sections.map((section, s) => ({
    id: section.id,
    name: section.name,
    weight: section.weight,
    score: totals.sections[s]?.score ?? null,
    weightedMean: totals.sections[s]?.mean ?? null,
    answeredCount: criteria.filter((c) => c.sectionId === section.id && c.answered).length,
    totalCount: section.criteria.length,
  }));

  const totalWeight = rubric.sections.reduce(
    (sum, section) => sum + section.weight * section.criteria.reduce((a, c) => a + c.weight, 0),
    0,
  );
  const coverage =
    totalWeight === 0
      ? 0
      : criteria.reduce((sum, c, i) => {
          if (!c.answered) return sum;
          const section = entries[i]?.section;
          return sum + (section?.weight ?? 0) * c.weight;
        }, 0) / totalWeight;
  const answeredCount = criteria.filter((c) => c.answered).length;

  const redFlags: RedFlag[] = criteria.flatMap((c, i) => {
    const knockoutBelow = model.criteria[i]?.knockoutBelow;
    return c.redFlag && c.value !== null && knockoutBelow !== undefined
      ? [{ id: c.id, name: c.name, value: c.value, knockoutBelow }]
      : [];
  });

  const overall = totals.overall;
  const flags = dealBreakerFlags(rubric, context.dealBreakers ?? {});
  const base: Results = {
    overall,
    range: null,
    weightedMean: totals.weightedMean,
    coverage,
    complete: answeredCount === criteria.length,
    answeredCount,
    totalCount: criteria.length,
    verdict: null,
    sections,
    criteria,
    redFlags,
    levers: [],
    toVerify: [],
    robustness: { robust: true, changes: [] },
    evenPercent: null,
    strengths: [],
    weaknesses: [],
    stage: null,
    dealBreakers: flags,
    unansweredDealBreakers: unansweredDealBreakers(rubric, context.dealBreakers ?? {}),
  };
  // Only the scores are wanted (a deal's raters): no range, reading, verdict or findings.
  if (overall === null || context.findings === false) return base;

  const range = evidenceRange(model, positions, criteria);
  const stage =
    context.stage === undefined
      ? null
      : stageReadingOf(
          rubric,
          // Only the fields the reading needs: a spread copy of each result costs a pipeline of
          // thousands of assessments more than the rest of the scoring.
          criteria.map((c, i) => ({
            id: c.id,
            criterion: (entries[i] as CriterionEntry).criterion,
            value: c.value,
            percent: c.percent,
            share: c.share,
          })),
          context.stage,
          overall,
          range,
        );
  const rule = verdictRuleOf(rubric, stage, flags);
  const verdict = verdictAt(rubric, model, positions, overall, rule);
  return {
    ...base,
    range,
    stage,
    verdict,
    levers: leversOf(model, entries, positions, overall),
    toVerify: rank(
      criteria.filter((c) => c.evidence === 'assumed' && (c.percent ?? 0) >= HIGH_RATING_PERCENT),
      'desc',
    ),
    robustness: robustnessOf(rubric, model, entries, positions, verdict, rule),
    ...strengthsAndWeaknesses(criteria),
  };
}
