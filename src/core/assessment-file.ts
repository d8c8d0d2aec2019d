import { migrateAssessment } from './migrations/migrate-assessment';
import { formatPath, problem, problemsFromZod, within, type Problem } from './problems';
import { factIdsOf, listCriteria } from './rubric-index';
import { parseJsonSafely } from './safe-json';
import { modelEvidenceFileValue } from './model-evidence';
import {
  assessmentShapeSchema,
  type Answer,
  type Assessment,
  type Criterion,
  type Rubric,
} from './schema';
import { rubricRuleProblems, type Validated } from './validate-rubric';
import { z } from './zod';

/** The same shape, with the rubric left as it is: used for rubrics the caller already holds, checked. */
const withKnownRubricSchema = assessmentShapeSchema.extend({ rubric: z.unknown() });

export interface ValidateOptions {
  /**
   * Rubric objects already checked (shipped presets, frozen). An assessment
   * whose rubric is one of these very objects keeps it as it is: not checked
   * again and not copied, so a thousand references cost nothing.
   */
  knownRubrics?: ReadonlySet<Rubric>;
}

/**
 * Checks an already-parsed assessment: migrated to the current version, its
 * shape, its rubric snapshot by every rubric rule, and each answer against
 * that snapshot (known criterion, a value that is one of its levels).
 */
export function validateAssessment(
  input: unknown,
  options: ValidateOptions = {},
): Validated<Assessment> {
  const migrated = migrateAssessment(input);
  if (!migrated.ok) return migrated;
  const known = knownRubricOf(migrated.value, options.knownRubrics);
  if (known !== null) {
    const parsed = withKnownRubricSchema.safeParse(migrated.value);
    if (!parsed.success)
      return { ok: false, problems: problemsFromZod(parsed.error, migrated.value) };
    const assessment: Assessment = { ...parsed.data, rubric: known };
    const problems = answerProblems(assessment);
    return problems.length === 0 ? { ok: true, value: assessment } : { ok: false, problems };
  }
  const parsed = assessmentShapeSchema.safeParse(migrated.value);
  if (!parsed.success)
    return { ok: false, problems: problemsFromZod(parsed.error, migrated.value) };
  const assessment = parsed.data;
  const problems = within('rubric', rubricRuleProblems(assessment.rubric));
  for (const p of answerProblems(assessment)) problems.push(p);
  return problems.length === 0 ? { ok: true, value: assessment } : { ok: false, problems };
}

function knownRubricOf(value: unknown, known: ReadonlySet<Rubric> | undefined): Rubric | null {
  if (known === undefined || typeof value !== 'object' || value === null) return null;
  const rubric = (value as { rubric?: unknown }).rubric;
  return known.has(rubric as Rubric) ? (rubric as Rubric) : null;
}

function answerProblems(assessment: Assessment): Problem[] {
  const criteria = new Map(
    listCriteria(assessment.rubric).map((entry) => [entry.fullId, entry.criterion]),
  );
  const example = [...criteria.keys()][0] ?? 'market.demand';
  const problems: Problem[] = [];
  for (const [id, answer] of Object.entries(assessment.answers)) {
    const criterion = criteria.get(id);
    if (criterion === undefined) {
      problems.push(
        problem(formatPath(['answers', id], assessment), 'answer.unknownCriterion', {
          id,
          rubric: assessment.rubric.id,
          example,
        }),
      );
      continue;
    }
    const values = criterion.levels.map((level) => level.value);
    if (!values.includes(answer.value)) {
      problems.push(
        problem(formatPath(['answers', id, 'value'], assessment), 'answer.outOfRange', {
          value: answer.value,
          values: values.join(', '),
        }),
      );
    }
    for (const p of factProblems(assessment, id, criterion, answer.facts)) problems.push(p);
    for (const p of evidenceProblems(assessment, id, criterion, answer)) problems.push(p);
  }
  const dealBreakerIds = (assessment.rubric.dealBreakers ?? []).map((d) => d.id);
  for (const id of Object.keys(assessment.dealBreakers)) {
    if (!dealBreakerIds.includes(id)) {
      const path = formatPath(['dealBreakers', id], assessment);
      problems.push(
        dealBreakerIds.length === 0
          ? problem(path, 'dealBreaker.noneInRubric', { rubric: assessment.rubric.id })
          : problem(path, 'dealBreaker.unknown', { id, ids: dealBreakerIds.join(', ') }),
      );
    }
  }
  return problems;
}

/** Ticked facts must be facts of that criterion's checklists, each ticked once. */
function factProblems(
  assessment: Assessment,
  id: string,
  criterion: Criterion,
  facts: readonly string[],
): Problem[] {
  const known = factIdsOf(criterion);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  facts.forEach((fact, i) => {
    const path = formatPath(['answers', id, 'facts', i], assessment);
    if (!known.includes(fact)) {
      problems.push(
        problem(path, known.length === 0 ? 'fact.noChecklist' : 'fact.unknown', {
          fact,
          criterion: id,
        }),
      );
    } else if (seen.has(fact)) {
      problems.push(problem(path, 'fact.twice', { fact }));
    }
    seen.add(fact);
  });
  return problems;
}

/** A level the evidence suggests must be a level of its criterion; only a suggested level can be accepted. */
function evidenceProblems(
  assessment: Assessment,
  id: string,
  criterion: Criterion,
  answer: Answer,
): Problem[] {
  const values = criterion.levels.map((level) => level.value);
  const problems: Problem[] = [];
  (answer.modelEvidence ?? []).forEach((evidence, i) => {
    const at = (key: string) => formatPath(['answers', id, 'modelEvidence', i, key], assessment);
    if (evidence.suggestedLevel !== null && !values.includes(evidence.suggestedLevel)) {
      problems.push(
        problem(at('suggestedLevel'), 'evidence.notALevel', {
          value: evidence.suggestedLevel,
          criterion: id,
          values: values.join(', '),
        }),
      );
    }
    if (evidence.accepted && evidence.suggestedLevel === null) {
      problems.push(problem(at('accepted'), 'evidence.acceptedWithoutLevel'));
    }
  });
  return problems;
}

/** Parses the text of an assessment file, never trusting it. */
export function parseAssessment(text: string): Validated<Assessment> {
  const json = parseJsonSafely(text);
  return json.ok ? validateAssessment(json.value) : json;
}

/** The file's text: stable key order, so a round trip is byte-identical. */
export function serializeAssessment(assessment: Assessment): string {
  return `${JSON.stringify(assessmentFileValue(assessment), null, 2)}\n`;
}

/** The file as a value, keys in the file's order and answers in rubric order. */
export function assessmentFileValue(assessment: Assessment): Assessment {
  const { format, version, id, deal, company, evaluator, createdAt, updatedAt, rubric } =
    assessment;
  return {
    format,
    version,
    id,
    deal,
    company,
    evaluator,
    createdAt,
    updatedAt,
    rubric,
    answers: orderAnswers(rubric, assessment.answers),
    dealBreakers: orderDealBreakers(rubric, assessment.dealBreakers),
  };
}

/**
 * Answers in rubric order, whatever order they were given in; facts in
 * checklist order; model evidence only when there is some, each in its fixed key order.
 */
function orderAnswers(rubric: Rubric, answers: Assessment['answers']): Assessment['answers'] {
  const ordered: Assessment['answers'] = {};
  for (const { fullId, criterion } of listCriteria(rubric)) {
    const answer = Object.hasOwn(answers, fullId) ? answers[fullId] : undefined;
    if (answer === undefined) continue;
    const order = factIdsOf(criterion);
    const rank = (fact: string) => (order.includes(fact) ? order.indexOf(fact) : order.length);
    const facts = [...answer.facts].sort((a, b) => rank(a) - rank(b));
    ordered[fullId] = {
      value: answer.value,
      evidence: answer.evidence,
      notes: answer.notes,
      facts,
      ...(answer.modelEvidence !== undefined && answer.modelEvidence.length > 0
        ? { modelEvidence: answer.modelEvidence.map(modelEvidenceFileValue) }
        : {}),
    };
  }
  return ordered;
}

/** Deal-breaker answers in the rubric's order. */
function orderDealBreakers(
  rubric: Rubric,
  answers: Assessment['dealBreakers'],
): Assessment['dealBreakers'] {
  const ordered: Assessment['dealBreakers'] = {};
  for (const { id } of rubric.dealBreakers ?? []) {
    const answer = Object.hasOwn(answers, id) ? answers[id] : undefined;
    if (answer !== undefined) ordered[id] = answer;
  }
  return ordered;
}
