import { describe, expect, it } from 'vitest';
import { foldStatistics } from '../../../src/core/metrics/cross-validation';

describe('fold statistics', () => {
  it('gives the mean and the sample sd (dividing by k − 1)', () => {
    // 1, 2, 3, 4: mean 2.5; squares 2.25 + 0.25 + 0.25 + 2.25 = 5; sd = √(5/3), not √(5/4)
    const s = foldStatistics([1, 2, 3, 4])!;
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 15);
    expect(s.folds).toBe(4);
    // 0.8, 0.9, 0.7: mean 0.8, squares 0.01 + 0.01 = 0.02, sd = √(0.02/2) = 0.1
    expect(foldStatistics([0.8, 0.9, 0.7])!.sd).toBeCloseTo(0.1, 15);
  });

  it('leaves out undefined folds, has no sd for one fold and nothing for none', () => {
    // 0.5 and 0.7: mean 0.6, sd = √((0.1² + 0.1²) / 1) = √0.02
    const two = foldStatistics([0.5, null, 0.7])!;
    expect(two.mean).toBeCloseTo(0.6, 15);
    expect(two.sd).toBeCloseTo(Math.sqrt(0.02), 15);
    expect(two.folds).toBe(2);
    expect(foldStatistics([null, 0.9])).toEqual({ mean: 0.9, sd: null, folds: 1 });
    expect(foldStatistics([null, null])).toBeNull();
  });
});
