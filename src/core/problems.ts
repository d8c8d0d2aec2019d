import type { z } from './zod';

/** One thing wrong with an input, located by a readable path inside it. */
export interface Problem {
  path: string;
  message: string;
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

export function problemsFromZod(error: z.ZodError, root: unknown): Problem[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path, root),
    message: describeIssue(issue),
  }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? `is missing (expected ${issue.expected})` : issue.message;
    default:
      return issue.message;
  }
}

export function formatProblems(file: string, problems: readonly Problem[]): string {
  return problems.map((p) => `${file}: ${p.path}: ${p.message}`).join('\n');
}
