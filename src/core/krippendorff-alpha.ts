/**
 * Krippendorff's alpha with the interval metric, for any number of raters
 * and missing ratings: `units[u]` holds the values the raters gave unit u
 * (a criterion), leaving out the raters who did not rate it.
 *
 * α = 1 − D_o / D_e, with n the number of pairable values (units rated by
 * two or more raters), D_o = Σ_u Σ_{i≠j} (v_ui − v_uj)² / (m_u − 1) / n, and
 * D_e = Σ over all pairs of pairable values (v − v')² / (n (n − 1)).
 * Null when it is undefined: fewer than two pairable values, or no variation at all.
 */
export function krippendorffAlphaInterval(units: readonly (readonly number[])[]): number | null {
  const pairable = units.filter((values) => values.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  if (n < 2) return null;
  let observed = 0;
  for (const values of pairable) {
    let sum = 0;
    for (const a of values) for (const b of values) sum += (a - b) ** 2;
    observed += sum / (values.length - 1);
  }
  observed /= n;
  let expected = 0;
  for (const a of all) for (const b of all) expected += (a - b) ** 2;
  expected /= n * (n - 1);
  return expected === 0 ? null : 1 - observed / expected;
}

export type AgreementReading = 'none' | 'poor' | 'tentative' | 'good';

/** Krippendorff's own guide: α ≥ 0.8 reliable, 0.667–0.8 tentative conclusions only, below that not. */
export function readAlpha(alpha: number | null): AgreementReading {
  if (alpha === null) return 'none';
  if (alpha >= 0.8) return 'good';
  if (alpha >= 0.667) return 'tentative';
  return 'poor';
}
