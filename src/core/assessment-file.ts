import { migrateAssessment } from './migrations/migrate-assessment';
import { formatPath, problemsFromZod, type Problem } from './problems';
import { factIdsOf, listCriteria } from './rubric-index';
import { parseJsonSafely } from './safe-json';
import { assessmentShapeSchema, type Assessment, type Criterion, type Rubric } from './schema';
import { rubricRuleProblems, type Validated } from './validate-rubric';

/**
 * Checks an already-parsed assessment: migrated to the current version, its
 * shape, its rubric snapshot by every rubric rule, and each answer against
 * that snapshot (known criterion, a value that is one of its levels).
 */
export function validateAssessment(input: unknown): Validated<Assessment> {
  const migrated = migrateAssessment(input);
  if (!migrated.ok) return migrated;
  const parsed = assessmentShapeSchema.safeParse(migrated.value);
  if (!parsed.success)
    return { ok: false, problems: problemsFromZod(parsed.error, migrated.value) };
  const assessment = parsed.data;
  const problems = [
    ...rubricRuleProblems(assessment.rubric).map((p) => ({ ...p, path: `rubric.${p.path}` })),
    ...answerProblems(assessment),
  ];
  return problems.length === 0 ? { ok: true, value: assessment } : { ok: false, problems };
}

function answerProblems(assessment: Assessment): Problem[] {
  const criteria = new Map(
    listCriteria(assessment.rubric).map((entry) => [entry.fullId, entry.criterion]),
  );
  const problems: Problem[] = [];
  for (const [id, answer] of Object.entries(assessment.answers)) {
    const path = formatPath(['answers', id, 'value'], assessment);
    const criterion = criteria.get(id);
    if (criterion === undefined) {
      problems.push({
        path: formatPath(['answers', id], assessment),
        message: `no criterion "${id}" in the rubric "${assessment.rubric.id}" (expected section.criterion, e.g. ${[...criteria.keys()][0] ?? 'market.demand'})`,
      });
      continue;
    }
    const values = criterion.levels.map((level) => level.value);
    if (!values.includes(answer.value)) {
      problems.push({
        path,
        message: `${answer.value} is out of range: must be one of ${values.join(', ')}`,
      });
    }
    problems.push(...factProblems(assessment, id, criterion, answer.facts));
  }
  const dealBreakerIds = (assessment.rubric.dealBreakers ?? []).map((d) => d.id);
  for (const id of Object.keys(assessment.dealBreakers)) {
    if (!dealBreakerIds.includes(id)) {
      problems.push({
        path: formatPath(['dealBreakers', id], assessment),
        message:
          dealBreakerIds.length === 0
            ? `the rubric "${assessment.rubric.id}" has no deal-breakers`
            : `no deal-breaker "${id}" in the rubric: must be one of ${dealBreakerIds.join(', ')}`,
      });
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
      problems.push({
        path,
        message:
          known.length === 0
            ? `"${fact}" cannot be ticked: "${id}" has no checklist`
            : `no fact "${fact}" in the checklists of "${id}"`,
      });
    } else if (seen.has(fact)) {
      problems.push({ path, message: `"${fact}" is ticked twice` });
    }
    seen.add(fact);
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
  const { format, version, id, deal, company, evaluator, createdAt, updatedAt, rubric } =
    assessment;
  const ordered = {
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
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Answers in rubric order, whatever order they were given in; facts in checklist order. */
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
