import { expect } from 'vitest';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * A word list and its translation agree: the same keys, no empty text, and
 * the same `{name}` placeholders, so nothing shows as a raw key or a hole.
 */
export function expectParallelCatalogs(
  en: Readonly<Record<string, string>>,
  zh: Readonly<Record<string, string>>,
): void {
  expect(Object.keys(zh).filter((k) => !Object.hasOwn(en, k))).toEqual([]);
  expect(Object.keys(en).filter((k) => !Object.hasOwn(zh, k))).toEqual([]);
  for (const key of Object.keys(en)) {
    expect(en[key]?.trim(), key).not.toBe('');
    expect(zh[key]?.trim(), key).not.toBe('');
    expect(placeholders(zh[key] ?? ''), key).toEqual(placeholders(en[key] ?? ''));
  }
}
