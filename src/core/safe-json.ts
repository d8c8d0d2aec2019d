import { formatPath, type Problem } from './problems';

/** Keys that would reach an object's prototype if copied by assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Our files nest about six levels; anything far deeper is not ours. */
export const MAX_DEPTH = 40;

export type JsonResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/**
 * JSON.parse for untrusted text: reports where the syntax breaks, and refuses
 * prototype keys and absurd nesting before any schema or copy sees the data.
 */
export function parseJsonSafely(text: string): JsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const trimmed = text.trim();
    const message =
      trimmed === ''
        ? 'the file is empty'
        : `not valid JSON (${detail}); the file may be truncated or not a Moatscore file`;
    return { ok: false, problems: [{ path: '(root)', message }] };
  }
  const problem = findUnsafeNode(value);
  return problem === null ? { ok: true, value } : { ok: false, problems: [problem] };
}

function findUnsafeNode(root: unknown): Problem | null {
  const stack: { node: unknown; path: PropertyKey[] }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: unknown; path: PropertyKey[] };
    if (typeof node !== 'object' || node === null) continue;
    if (path.length > MAX_DEPTH) {
      return {
        path: formatPath(path.slice(0, 6), root) + '…',
        message: `nested more than ${MAX_DEPTH} levels deep`,
      };
    }
    if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) {
        return {
          path: formatPath([...path, key], root),
          message: `the key "${key}" is not allowed`,
        };
      }
      stack.push({ node: (node as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}
