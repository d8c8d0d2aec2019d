/**
 * One decimal, rounding half up on the number's shortest decimal form, so
 * 54.15 (stored as 54.1499…) shows as 54.2, as a person computing by hand expects.
 */
export function round1(n: number): number {
  const tenths = n * 10;
  // Far from a half, plain arithmetic is exact enough and much faster than strings.
  if (Math.abs(Math.abs(tenths % 1) - 0.5) > 1e-6) return Math.round(tenths) / 10;
  const shifted = Number(`${n}e1`);
  // Exponent forms such as 1e-7 do not take a second exponent; they are far from any half.
  return Number.isFinite(shifted) ? Number(`${Math.round(shifted)}e-1`) : Math.round(n * 10) / 10;
}
