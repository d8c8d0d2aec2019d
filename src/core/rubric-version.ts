/**
 * Orders rubric versions (`1`, `1.2`, `1.2.3`, see the schema) part by part
 * as numbers, missing parts counting as 0: negative when `a` is older.
 */
export function compareVersions(a: string, b: string): number {
  const as = a.split('.').map(Number);
  const bs = b.split('.').map(Number);
  for (let i = 0; i < Math.max(as.length, bs.length); i += 1) {
    const diff = (as[i] ?? 0) - (bs[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
