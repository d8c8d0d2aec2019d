import { bleuFromTotals, sumStatistics, type SegmentStatistics } from './bleu';
import type { BootstrapSettings } from './bootstrap';
import { poissonSampler } from './poisson';
import { Xoshiro128 } from './prng';

/**
 * Corpus BLEU of resampled segments: each segment's statistics counted its
 * Poisson(1) multiplicity times, then BLEU from the sums, as sacreBLEU's own
 * bootstrap does with segment statistics (its `--confidence`). With a baseline,
 * the same multiplicities go to both systems' segments: paired resampling
 * (Koehn, "Statistical significance tests for machine translation
 * evaluation", EMNLP 2004). Values are model minus baseline.
 */
export function bootstrapBleu(
  stats: SegmentStatistics,
  baseline: SegmentStatistics | null,
  settings: BootstrapSettings,
): Float64Array {
  const weights = new Uint8Array(stats.segments);
  const one = poissonSampler(1);
  const samples = new Float64Array(settings.resamples);
  for (let b = 0; b < settings.resamples; b += 1) {
    one.fill(new Xoshiro128(settings.seed, b), weights);
    const score = bleuFromTotals(sumStatistics(stats, weights), stats.maxOrder).score;
    samples[b] =
      baseline === null
        ? score
        : score - bleuFromTotals(sumStatistics(baseline, weights), baseline.maxOrder).score;
  }
  return samples;
}
