import { rejudgeEvidence } from './evidence-level';
import { factIdsOf, levelIndexOf, listCriteria } from './rubric-index';
import type { Answers, Assessment, Criterion, LocalizedText, Rubric } from './schema';
import { scoreAssessmentFile } from './score-assessment-file';
import type { CriterionResult, Verdict } from './score-results';

/** One criterion's rating under one rubric. */
export interface RatingReading {
  value: number;
  levelNumber: number;
  levelCount: number;
  label: LocalizedText;
  percent: number;
}

/** A criterion of either rubric, as rated before and after. */
export interface CriterionChange {
  id: string;
  name: LocalizedText;
  before: RatingReading | null;
  after: RatingReading | null;
}

/** An answer that could not be carried over, and why. */
export interface DroppedAnswer {
  id: string;
  value: number;
  reason: 'no-criterion' | 'no-level';
}

/**
 * An evaluation whose supported level moved under the new thresholds, or
 * whose acceptance was withdrawn with it: levels as 1-based numbers, null
 * where the figures support none.
 */
export interface EvidenceChange {
  id: string;
  task: string;
  before: number | null;
  after: number | null;
  acceptanceWithdrawn: boolean;
}

export interface Rescore {
  /** The same assessment under the new rubric: carried answers, nothing else changed. */
  assessment: Assessment;
  /** Every criterion of the new rubric in its order, then those only the old one had. */
  criteria: CriterionChange[];
  dropped: DroppedAnswer[];
  /** Ticked facts the new rubric's checklists do not have, per criterion. */
  droppedFacts: { id: string; facts: string[] }[];
  /** Evidence that supports another level under the new thresholds. */
  evidenceChanges: EvidenceChange[];
  /** Deal-breaker answers for questions the new rubric does not ask. */
  droppedDealBreakers: string[];
  overall: { before: number | null; after: number | null };
  verdict: { before: Verdict | null; after: Verdict | null };
}

/**
 * Re-scores an assessment under another rubric, usually a newer version of
 * the same preset. An answer carries over where the new rubric has the same
 * criterion id and the same level value; the level's meaning may have moved,
 * which is why every criterion's before and after are returned for a person
 * to check. Pure: the caller decides whether to keep the result.
 */
export function rescoreUnderRubric(assessment: Assessment, newRubric: Rubric): Rescore {
  const criteria = new Map(listCriteria(newRubric).map((e) => [e.fullId, e.criterion]));
  const answers: Answers = {};
  const dropped: DroppedAnswer[] = [];
  const droppedFacts: Rescore['droppedFacts'] = [];
  const evidenceChanges: EvidenceChange[] = [];
  const oldCriteria = new Map(listCriteria(assessment.rubric).map((e) => [e.fullId, e.criterion]));
  // In the old rubric's order, so the lists read like the old report.
  const oldOrder = listCriteria(assessment.rubric).map((e) => e.fullId);
  const ids = Object.keys(assessment.answers).sort(
    (a, b) => rankIn(oldOrder, a) - rankIn(oldOrder, b),
  );
  for (const id of ids) {
    const answer = assessment.answers[id]!;
    const criterion = criteria.get(id);
    if (criterion === undefined || !criterion.levels.some((l) => l.value === answer.value)) {
      dropped.push({ id, value: answer.value, reason: criterion ? 'no-level' : 'no-criterion' });
      continue;
    }
    const known = factIdsOf(criterion);
    const facts = answer.facts.filter((fact) => known.includes(fact));
    const lost = answer.facts.filter((fact) => !known.includes(fact));
    if (lost.length > 0) droppedFacts.push({ id, facts: lost });
    // Evidence keeps its figures; the level it supports is read under the new thresholds.
    const modelEvidence = answer.modelEvidence?.map((e) => rejudgeEvidence(criterion, e));
    answer.modelEvidence?.forEach((was, i) => {
      const now = modelEvidence![i]!;
      if (was.suggestedLevel === now.suggestedLevel && was.accepted === now.accepted) return;
      const oldCriterion = oldCriteria.get(id);
      evidenceChanges.push({
        id,
        task: was.task,
        before: oldCriterion === undefined ? null : levelNumberOf(oldCriterion, was.suggestedLevel),
        after: levelNumberOf(criterion, now.suggestedLevel),
        acceptanceWithdrawn: was.accepted && !now.accepted,
      });
    });
    answers[id] = { ...answer, facts, ...(modelEvidence === undefined ? {} : { modelEvidence }) };
  }
  const questions = new Set((newRubric.dealBreakers ?? []).map((d) => d.id));
  const dealBreakers = Object.fromEntries(
    Object.entries(assessment.dealBreakers).filter(([id]) => questions.has(id)),
  );
  const newOrder = [...criteria.keys()];
  const ordered = Object.fromEntries(
    Object.entries(answers).sort(([a], [b]) => rankIn(newOrder, a) - rankIn(newOrder, b)),
  );
  const rescored: Assessment = { ...assessment, rubric: newRubric, answers: ordered, dealBreakers };

  const before = scoreAssessmentFile(assessment);
  const after = scoreAssessmentFile(rescored);
  const beforeById = new Map(before.criteria.map((c) => [c.id, c]));
  const afterIds = new Set(after.criteria.map((c) => c.id));
  const changes: CriterionChange[] = [
    ...after.criteria.map((c) => ({
      id: c.id,
      name: c.name,
      before: readingOf(beforeById.get(c.id)),
      after: readingOf(c),
    })),
    ...before.criteria
      .filter((c) => !afterIds.has(c.id))
      .map((c) => ({ id: c.id, name: c.name, before: readingOf(c), after: null })),
  ];
  return {
    assessment: rescored,
    criteria: changes,
    dropped,
    droppedFacts,
    evidenceChanges,
    droppedDealBreakers: Object.keys(assessment.dealBreakers).filter((id) => !questions.has(id)),
    overall: { before: before.overall, after: after.overall },
    verdict: { before: before.verdict, after: after.verdict },
  };
}

function readingOf(result: CriterionResult | undefined): RatingReading | null {
  if (result === undefined || result.value === null || result.level === null) return null;
  return {
    value: result.value,
    levelNumber: result.levelNumber ?? 0,
    levelCount: result.levelCount,
    label: result.level.label,
    percent: result.percent ?? 0,
  };
}

function rankIn(order: readonly string[], id: string): number {
  const index = order.indexOf(id);
  return index < 0 ? order.length : index;
}

function levelNumberOf(criterion: Criterion, value: number | null): number | null {
  if (value === null) return null;
  const index = levelIndexOf(criterion, value);
  return index < 0 ? null : index + 1;
}
