import { formatPath, problem, type Problem } from './problems';

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
    const found =
      text.trim() === ''
        ? problem('(root)', 'file.empty')
        : problem('(root)', 'file.notJson', { detail });
    return { ok: false, problems: [found] };
  }
  const unsafe = findUnsafeNode(value);
  return unsafe === null ? { ok: true, value } : { ok: false, problems: [unsafe] };
}

function findUnsafeNode(root: unknown): Problem | null {
  const stack: { node: unknown; path: PropertyKey[] }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: unknown; path: PropertyKey[] };
    if (typeof node !== 'object' || node === null) continue;
    if (path.length > MAX_DEPTH) {
      return problem(formatPath(path.slice(0, 6), root) + '…', 'file.tooDeep', { max: MAX_DEPTH });
    }
    if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) {
        return problem(formatPath([...path, key], root), 'file.forbiddenKey', { key });
      }
      stack.push({ node: (node as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}
