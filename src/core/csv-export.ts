import { backingEvidence, inPoints } from './model-evidence';
import { levelIndexOf, listCriteria } from './rubric-index';
import { scoreAssessmentFile } from './score-assessment-file';
import { round1 } from './round1';
import { type Results } from './score-results';
import type { Assessment } from './schema';
import type { Lang } from './vocabulary';

/**
 * CSV export of assessments for spreadsheets (docs/file-format.md, CSV): a UTF-8 BOM so
 * Excel shows Chinese, CRLF line ends and quoting by RFC 4180, and text cells
 * a spreadsheet would run as a formula neutralised. Scores come from
 * `scoreAssessmentFile` (the company's stage and the deal-breaker answers
 * included), rounded to one decimal as on screen.
 */

type Cell = string | number | null;

const BOM = '\uFEFF';
const EOL = '\r\n';
/**
 * Cells a spreadsheet may read as a formula (OWASP, CSV injection): starting
 * with = + - @, tab or CR, also after leading spaces, which some spreadsheets
 * trim on import before they look (JS's \s covers no-break and ideographic spaces too).
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The identity and total columns of the wide form, before the section and criterion columns. */
const WIDE_COLUMNS = [
  'id',
  'deal',
  'company',
  'stage',
  'sector',
  'evaluator',
  'role',
  'rubric',
  'rubric_version',
  'created_at',
  'updated_at',
  'answered',
  'total',
  'overall',
  'range_low',
  'range_high',
  'verdict',
  'verdict_basis',
  'stage_bar',
  'stage_reading',
  'criteria_ahead',
  'criteria_at',
  'criteria_behind',
  'deal_breakers_flagged',
  'deal_breakers_unanswered',
] as const;

/**
 * An answer's model evidence in the long form: how many evaluations it has,
 * then the one that backs it (backingEvidence): its key metric's value (0–1,
 * BLEU 0–100) and interval, the gain over the baseline in points and its
 * interval, the items scored, the level it supports (a level number, as
 * `level`) and whether the rater accepted it. The file keeps every evaluation.
 */
const EVIDENCE_COLUMNS = [
  'evidence_count',
  'evidence_task',
  'evidence_held_out',
  'evidence_metric',
  'evidence_value',
  'evidence_low',
  'evidence_high',
  'evidence_gain_points',
  'evidence_gain_low',
  'evidence_gain_high',
  'evidence_items',
  'evidence_level',
  'evidence_accepted',
] as const;

const LONG_COLUMNS = [
  'assessment_id',
  'company',
  'evaluator',
  'role',
  'criterion',
  'criterion_name',
  'level',
  'value',
  'level_label',
  'percent',
  'evidence',
  'notes',
  'expected_level',
  'stage',
  'facts',
  ...EVIDENCE_COLUMNS,
] as const;

/**
 * Neutralises a cell a spreadsheet would run as a formula. Exported for tests.
 *
 * Text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`; then any
 * cell holding a comma, quote, CR or LF is quoted, its quotes doubled. Numbers
 * are written plainly (never prefixed, negative ones included); null and
 * non-finite numbers are an empty cell.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file: BOM, header, rows, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',') + EOL).join('');
}

const rounded = (n: number | null | undefined): number | null =>
  n === null || n === undefined ? null : round1(n);

/** Values in order of first appearance, without repeats. */
function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

function score(assessment: Assessment): Results {
  return scoreAssessmentFile(assessment);
}

/**
 * The wide form's evidence columns, per criterion that has model evidence in
 * any assessment exported: the figures of the evaluation backing the answer
 * (the long form has all of EVIDENCE_COLUMNS).
 */
const WIDE_EVIDENCE_COLUMNS = [
  'evidence_metric',
  'evidence_value',
  'evidence_gain_points',
  'evidence_level',
  'evidence_accepted',
] as const satisfies readonly (typeof EVIDENCE_COLUMNS)[number][];

const recordedEvidence = (assessment: Assessment, id: string) =>
  Object.hasOwn(assessment.answers, id) ? assessment.answers[id]?.modelEvidence : undefined;

/** Facts are ids (`[a-z][a-z0-9-]*`), so a space keeps them apart in one cell. */
const FACT_SEPARATOR = ' ';

/**
 * One row per assessment: identity columns, overall score, its stage reading
 * and deal-breaker counts, section scores, then per criterion its level value,
 * percent, evidence and standing against the stage, then the backing model
 * evidence of each criterion that has any (WIDE_EVIDENCE_COLUMNS), then each
 * deal-breaker's answer.
 */
export function assessmentsToCsvWide(assessments: readonly Assessment[], lang: Lang): string {
  // Columns are the union of every rubric snapshot, in order of first appearance,
  // so assessments made with different rubrics line up.
  const sectionIds = unique(assessments.flatMap((a) => a.rubric.sections.map((s) => s.id)));
  const criterionIds = unique(
    assessments.flatMap((a) => listCriteria(a.rubric).map((entry) => entry.fullId)),
  );
  const dealBreakerIds = unique(
    assessments.flatMap((a) => (a.rubric.dealBreakers ?? []).map((d) => d.id)),
  );
  const evidenceIds = criterionIds.filter((id) =>
    assessments.some((a) => (recordedEvidence(a, id)?.length ?? 0) > 0),
  );
  const header = [
    ...WIDE_COLUMNS,
    ...sectionIds.map((id) => `${id}.score`),
    ...criterionIds.flatMap((id) => [
      `${id}.value`,
      `${id}.percent`,
      `${id}.evidence`,
      `${id}.stage`,
    ]),
    ...evidenceIds.flatMap((id) => WIDE_EVIDENCE_COLUMNS.map((column) => `${id}.${column}`)),
    ...dealBreakerIds.map((id) => `deal_breaker.${id}`),
  ];

  const rows = assessments.map((assessment): Cell[] => {
    const results = score(assessment);
    const sections = new Map(results.sections.map((s) => [s.id, s]));
    const criteria = new Map(results.criteria.map((c) => [c.id, c]));
    return [
      assessment.id,
      assessment.deal,
      assessment.company.name,
      assessment.company.stage,
      assessment.company.sector,
      assessment.evaluator.name,
      assessment.evaluator.role,
      assessment.rubric.id,
      assessment.rubric.version,
      assessment.createdAt,
      assessment.updatedAt,
      results.answeredCount,
      results.totalCount,
      rounded(results.overall),
      rounded(results.range?.[0]),
      rounded(results.range?.[1]),
      results.verdict?.band.label[lang] ?? null,
      results.verdict?.basis ?? null,
      rounded(results.stage?.bar),
      rounded(results.stage?.score),
      results.stage?.ahead.length ?? null,
      results.stage?.at.length ?? null,
      results.stage?.behind.length ?? null,
      results.dealBreakers.length,
      results.unansweredDealBreakers.length,
      ...sectionIds.map((id) => rounded(sections.get(id)?.score)),
      ...criterionIds.flatMap((id): Cell[] => {
        const c = criteria.get(id);
        return c === undefined || !c.answered
          ? [null, null, null, null]
          : [c.value, rounded(c.percent), c.evidence, c.stage?.standing ?? null];
      }),
      ...evidenceIds.flatMap((id) => {
        const cells = evidenceCells(assessment, id);
        return WIDE_EVIDENCE_COLUMNS.map((column) => cells[EVIDENCE_COLUMNS.indexOf(column)]!);
      }),
      ...dealBreakerIds.map((id) =>
        Object.hasOwn(assessment.dealBreakers, id) ? (assessment.dealBreakers[id] ?? null) : null,
      ),
    ];
  });
  return toCsv(header, rows);
}

function evidenceCells(assessment: Assessment, id: string): Cell[] {
  const all = recordedEvidence(assessment, id);
  const evidence = backingEvidence(all);
  if (evidence === null) return [0, ...EVIDENCE_COLUMNS.slice(1).map(() => null)];
  const metric = evidence.keyMetric;
  const figure = evidence.metrics[metric];
  const gain = evidence.deltas?.[metric];
  const points = (x: number | null | undefined) =>
    x === null || x === undefined ? null : Math.round(inPoints(metric, x) * 1e4) / 1e4;
  const criterion = listCriteria(assessment.rubric).find((e) => e.fullId === id)?.criterion;
  const level =
    evidence.suggestedLevel === null || criterion === undefined
      ? null
      : levelIndexOf(criterion, evidence.suggestedLevel) + 1;
  return [
    all?.length ?? 0,
    evidence.task,
    evidence.heldOut,
    metric,
    figure?.value ?? null,
    figure?.low ?? null,
    figure?.high ?? null,
    points(gain?.value),
    points(gain?.low),
    points(gain?.high),
    evidence.n,
    level,
    evidence.accepted ? 'yes' : 'no',
  ];
}

/**
 * One row per answer (long form): assessment id, company, evaluator, role,
 * criterion full id, criterion name, level number, level value, level label,
 * percent, evidence, notes, the level number the company's stage expects,
 * the standing against it, the ticked facts, and the model evidence that backs
 * it (EVIDENCE_COLUMNS). Unanswered criteria are omitted.
 */
export function assessmentsToCsvLong(assessments: readonly Assessment[], lang: Lang): string {
  const rows = assessments.flatMap((assessment) =>
    score(assessment)
      .criteria.filter((c) => c.answered)
      .map((c): Cell[] => [
        assessment.id,
        assessment.company.name,
        assessment.evaluator.name,
        assessment.evaluator.role,
        c.id,
        c.name[lang],
        c.levelNumber,
        c.value,
        c.level?.label[lang] ?? null,
        rounded(c.percent),
        c.evidence,
        c.notes,
        c.stage?.expectedLevelNumber ?? null,
        c.stage?.standing ?? null,
        (assessment.answers[c.id]?.facts ?? []).join(FACT_SEPARATOR),
        ...evidenceCells(assessment, c.id),
      ]),
  );
  return toCsv(LONG_COLUMNS, rows);
}
