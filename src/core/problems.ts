import type { MetricsCode } from './metrics/metrics-problem-codes';
import type { z } from './zod';

/**
 * Everything that can be wrong with an input, as a code. The wording lives in
 * `src/i18n/problems.*.json`, one text per code and language, so the same
 * problem reads naturally in the Chinese app, the English CLI and back.
 */
export const PROBLEM_CODES = [
  // Reading the text
  'file.empty',
  'file.notJson',
  'file.tooDeep',
  'file.forbiddenKey',
  'file.tooLarge',
  'file.unreadable',
  'file.notUtf8',
  'file.isFolder',
  'file.notRegular',
  'file.missing',
  'out.folderMissing',
  'out.isFolder',
  'out.unwritable',
  // Shapes (from the schema)
  'value.missing',
  'value.wrongType',
  'value.notOneOf',
  'value.invalid',
  'keys.unknown',
  'text.empty',
  'text.tooLong',
  'list.tooShort',
  'list.tooLong',
  'number.tooSmall',
  'number.notAbove',
  'number.tooLarge',
  'number.notBelow',
  'id.pattern',
  'version.pattern',
  'date.iso',
  // Files and versions
  'file.notAssessment',
  'file.notObject',
  'version.notWhole',
  'version.newer',
  'version.noMigration',
  'draft.newer',
  'draft.keyMismatch',
  'draft.rubricMissing',
  'bundle.notBundle',
  'bundle.version',
  'bundle.notList',
  'bundle.tooMany',
  'bundle.duplicateId',
  'import.idInSeveralFiles',
  // Answers against their rubric
  'answer.unknownCriterion',
  'answer.outOfRange',
  // Rubric rules
  'rubric.sectionWeights',
  'rubric.criterionWeights',
  'rubric.duplicateSection',
  'rubric.duplicateCriterion',
  'rubric.levelsOrder',
  'rubric.knockoutRange',
  'rubric.duplicateBand',
  'rubric.bandEmpty',
  'rubric.bandsStart',
  'rubric.bandsGap',
  'rubric.bandsOverlap',
  'rubric.bandsEnd',
  'rubric.unknownBand',
  'rubric.stageBandLowest',
  'rubric.stageBandMissing',
  'rubric.duplicateDealBreaker',
  'rubric.checklistMissing',
  'rubric.duplicateFact',
  'rubric.expectedNotALevel',
  'rubric.expectedFalls',
  // Checklists and deal-breakers in an assessment
  'fact.unknown',
  'fact.noChecklist',
  'fact.twice',
  'dealBreaker.unknown',
  'dealBreaker.noneInRubric',
  // Share links
  'share.notObject',
  'share.kind',
  'share.file',
  'share.empty',
  'share.oneOnly',
  'share.tooMany',
  'share.presetRefShape',
  'share.presetUnknown',
  'share.presetDiffers',
  'share.tooLong',
  'share.unpacksTooLarge',
  'share.notCompressed',
  // Deals
  'deal.empty',
  'deal.mixedRubrics',
  'deal.mixedDeals',
  // Model evidence on an answer
  'evidence.notALevel',
  'evidence.acceptedWithoutLevel',
  // Evidence thresholds in a rubric
  'rubric.thresholdMetricTwice',
  'rubric.thresholdFalls',
] as const;
/** The app's codes, and an evaluation file's (their own list: the first screen reads no such file). */
export type ProblemCode = (typeof PROBLEM_CODES)[number] | MetricsCode;

/** Values a message is filled with: numbers are formatted, text is shown as it is. */
export type ProblemParams = Readonly<Record<string, string | number>>;

/** One thing wrong with an input, located by a readable path inside it. */
export interface Problem {
  path: string;
  code: ProblemCode;
  params: ProblemParams;
  /** The file (or link, or rubric) it is in, when a list mixes several. */
  source?: string;
  /** The 1-based line of a text file (an evaluation CSV): `file:line`, the path naming the column. */
  line?: number;
}

export function problem(path: string, code: ProblemCode, params: ProblemParams = {}): Problem {
  return { path, code, params };
}

type PathKey = PropertyKey;

/**
 * Renders a path such as ['sections', 0, 'criteria', 2, 'weight'] as
 * `sections[0](market).criteria[2](technology).weight`: the index finds the
 * element, the id lets a person recognise it.
 */
export function formatPath(path: readonly PathKey[], root: unknown): string {
  let out = '';
  let node: unknown = root;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const id = isRecord(node) && typeof node.id === 'string' ? node.id : undefined;
      if (id !== undefined) out += `(${id})`;
    } else {
      const name = String(key);
      out += out === '' ? name : `.${name}`;
      node = isRecord(node) && Object.hasOwn(node, name) ? node[name] : undefined;
    }
  }
  return out === '' ? '(root)' : out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A problem's path prefixed, for a part checked on its own (`assessments[3].` + its path). */
export function within(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({
    ...p,
    path: p.path === '(root)' ? prefix : `${prefix}.${p.path}`,
  }));
}

/** Schema messages that are codes of ours (see schema.ts), not zod's own English; a server's problems. */
const CODES = new Set<string>(PROBLEM_CODES);
export function isProblemCode(text: string): text is ProblemCode {
  return CODES.has(text);
}

export function problemsFromZod(error: z.ZodError, root: unknown): Problem[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path, root);
    // A check of ours inside a schema (a refinement that runs a core validator) passes its problem on.
    const inner =
      issue.code === 'custom' ? (issue.params?.problem as Problem | undefined) : undefined;
    if (inner !== undefined) {
      return { ...inner, path: path === '(root)' ? inner.path : `${path}.${inner.path}` };
    }
    return { path, ...describeIssue(issue, valueAt(root, issue.path)) };
  });
}

/** Hands a problem of ours to zod from inside a refinement, for problemsFromZod to give back. */
export function zodIssueOf(problem: Problem) {
  return { code: 'custom' as const, message: problem.code, params: { problem } };
}

function describeIssue(
  issue: z.core.$ZodIssue,
  found: unknown,
): { code: ProblemCode; params: ProblemParams } {
  if (isProblemCode(issue.message)) {
    return { code: issue.message, params: { found: describeValue(found) } };
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return { code: 'keys.unknown', params: { keys: quoteAll(issue.keys) } };
    case 'invalid_type':
      return found === undefined
        ? { code: 'value.missing', params: { expected: issue.expected } }
        : {
            code: 'value.wrongType',
            params: { expected: issue.expected, found: describeValue(found) },
          };
    case 'invalid_value':
      return {
        code: 'value.notOneOf',
        params: {
          options: issue.values.map((v) => JSON.stringify(v)).join(', '),
          found: describeValue(found),
        },
      };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { code: 'text.empty', params: {} }
          : { code: 'list.tooShort', params: { min: Number(issue.minimum) } };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { code: 'list.tooShort', params: { min: Number(issue.minimum) } };
      }
      return {
        code: issue.inclusive === false ? 'number.notAbove' : 'number.tooSmall',
        params: { min: Number(issue.minimum), found: describeValue(found) },
      };
    case 'too_big':
      if (issue.origin === 'string') {
        return {
          code: 'text.tooLong',
          params: {
            max: Number(issue.maximum),
            length: typeof found === 'string' ? found.length : '?',
          },
        };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return {
          code: 'list.tooLong',
          params: { max: Number(issue.maximum), length: Array.isArray(found) ? found.length : '?' },
        };
      }
      return {
        code: issue.inclusive === false ? 'number.notBelow' : 'number.tooLarge',
        params: { max: Number(issue.maximum), found: describeValue(found) },
      };
    case 'invalid_format':
      return issue.format === 'datetime'
        ? { code: 'date.iso', params: { found: describeValue(found) } }
        : { code: 'value.invalid', params: { found: describeValue(found) } };
    default:
      return { code: 'value.invalid', params: { found: describeValue(found) } };
  }
}

/** What was found, short and safe to print: `null`, `123`, `"abc…"`, a list of 3, an object. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'Infinity';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(cut);
  }
  if (Array.isArray(value)) return `[…] (${value.length})`;
  return '{…}';
}

function quoteAll(keys: readonly string[]): string {
  return keys.map((k) => `"${k}"`).join(', ');
}

function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isRecord(node) && typeof key === 'string' && Object.hasOwn(node, key))
      node = node[key];
    else return undefined;
  }
  return node;
}

/**
 * For errors no user should meet (a shipped preset that fails its own
 * checks): codes as they are, for the developer reading the stack trace.
 */
export function problemsForDevelopers(source: string, problems: readonly Problem[]): string {
  return problems
    .map((p) => `${source}: ${p.path}: ${p.code} ${JSON.stringify(p.params)}`)
    .join('\n');
}
