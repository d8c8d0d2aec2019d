import { describe, expect, it } from 'vitest';
import { krippendorffAlphaInterval, readAlpha } from '../../src/core/krippendorff-alpha';

describe("Krippendorff's alpha, interval metric", () => {
  it('matches a hand-computed case with a missing rating', () => {
    // Units (criteria) rated by two raters; the third unit lost one rating, so it is not pairable.
    // Pairable values 1, 2, 3, 3 (n = 4).
    // D_o = [ (1−2)² + (2−1)² ] / (2 − 1) / n = 2 / 4 = 0.5        (the second unit agrees: 0)
    // D_e = Σ over ordered pairs of (v − v')² / (n (n − 1)): unordered squares 1+4+4+1+1+0 = 11,
    //       ordered 22, over 4·3 = 12 → 11/6
    // α = 1 − 0.5 / (11/6) = 1 − 3/11 = 8/11
    expect(krippendorffAlphaInterval([[1, 2], [3, 3], [2]])).toBeCloseTo(8 / 11, 12);
  });

  it("reproduces Krippendorff's published example: 4 coders, 12 units, missing data, α_interval = 0.849", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the reliability data
    // matrix with coders A–D (· = missing). Columns are units 1..12.
    const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
    const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
    const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
    const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
    const units = A.map((_, u) =>
      [A[u], B[u], C[u], D[u]].filter((v): v is number => v !== null && v !== undefined),
    );
    expect(krippendorffAlphaInterval(units)).toBeCloseTo(0.849, 3);
  });

  it('reads equal percents that are not whole numbers as no variation, not as rounding noise', () => {
    // Level 2 of 1–4 is 33.33 %: three raters give it on six criteria.
    const percent = 100 / 3;
    const units = Array.from({ length: 6 }, () => Array<number>(3).fill(percent));
    expect(krippendorffAlphaInterval(units)).toBeNull();
  });

  it('is 1 for perfect agreement with variation, and undefined without any variation or pairs', () => {
    expect(
      krippendorffAlphaInterval([
        [10, 10],
        [50, 50, 50],
        [90, 90],
      ]),
    ).toBe(1);
    expect(
      krippendorffAlphaInterval([
        [50, 50],
        [50, 50],
      ]),
    ).toBeNull();
    expect(krippendorffAlphaInterval([[10], [90]])).toBeNull();
  });

  it('reads alpha in plain language by Krippendorff’s thresholds', () => {
    expect(readAlpha(0.85)).toBe('good');
    expect(readAlpha(0.7)).toBe('tentative');
    expect(readAlpha(0.2)).toBe('poor');
    expect(readAlpha(null)).toBe('none');
  });
});
