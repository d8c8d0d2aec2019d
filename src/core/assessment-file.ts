import { migrateAssessment } from './migrations/migrate-assessment';
import { formatPath, problemsFromZod, type Problem } from './problems';
import { listCriteria } from './rubric-index';
import { parseJsonSafely } from './safe-json';
import { assessmentShapeSchema, type Assessment, type Rubric } from './schema';
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
  }
  return problems;
}

/** Parses the text of an assessment file, never trusting it. */
export function parseAssessment(text: string): Validated<Assessment> {
  const json = parseJsonSafely(text);
  return json.ok ? validateAssessment(json.value) : json;
}

/** The file's text: stable key order, so a round trip is byte-identical. */
export function serializeAssessment(assessment: Assessment): string {
  const { format, version, id, deal, company, evaluator, createdAt, updatedAt, rubric, answers } =
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
    answers: orderAnswers(rubric, answers),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Answers in rubric order, whatever order they were given in. */
function orderAnswers(rubric: Rubric, answers: Assessment['answers']): Assessment['answers'] {
  const ordered: Assessment['answers'] = {};
  for (const { fullId } of listCriteria(rubric)) {
    const answer = Object.hasOwn(answers, fullId) ? answers[fullId] : undefined;
    if (answer !== undefined) ordered[fullId] = answer;
  }
  return ordered;
}
