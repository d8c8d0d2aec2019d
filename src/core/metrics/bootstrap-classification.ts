import { orNaN, type BootstrapSettings } from './bootstrap';
import { headlineOf, type Headline } from './classification';
import { poissonSampler, type PoissonSampler } from './poisson';
import { Xoshiro128 } from './prng';

export type HeadlineMetric = keyof Headline;
export const HEADLINE_METRICS: readonly HeadlineMetric[] = [
  'accuracy',
  'precision',
  'recall',
  'f1',
];

export type HeadlineSamples = Record<HeadlineMetric, Float64Array>;

function emptySamples(resamples: number): HeadlineSamples {
  return {
    accuracy: new Float64Array(resamples),
    precision: new Float64Array(resamples),
    recall: new Float64Array(resamples),
    f1: new Float64Array(resamples),
  };
}

function record(samples: HeadlineSamples, b: number, value: Headline, minus?: Headline): void {
  for (const metric of HEADLINE_METRICS) {
    const x = orNaN(value[metric]);
    samples[metric][b] = minus === undefined ? x : x - orNaN(minus[metric]);
  }
}

/** The cells with any items, each with its own Poisson(count) sampler. */
function nonEmpty(counts: Float64Array): { cells: Int32Array; samplers: PoissonSampler[] } {
  const cells: number[] = [];
  const samplers: PoissonSampler[] = [];
  counts.forEach((count, cell) => {
    if (count > 0) {
      cells.push(cell);
      samplers.push(poissonSampler(count));
    }
  });
  return { cells: Int32Array.from(cells), samplers };
}

/**
 * Resampled headline metrics of one confusion matrix. All the items in a cell
 * look alike to every metric, so the cell's resampled count is one
 * Poisson(count) draw: the sum of its items' Poisson(1) multiplicities.
 */
export function bootstrapConfusion(
  k: number,
  counts: Float64Array,
  positive: number,
  settings: BootstrapSettings,
): HeadlineSamples {
  const samples = emptySamples(settings.resamples);
  const { cells, samplers } = nonEmpty(counts);
  const resampled = new Float64Array(k * k);
  for (let b = 0; b < settings.resamples; b += 1) {
    const rng = new Xoshiro128(settings.seed, b);
    resampled.fill(0);
    for (let c = 0; c < cells.length; c += 1) resampled[cells[c]!] = samplers[c]!.draw(rng);
    record(samples, b, headlineOf(k, resampled, positive));
  }
  return samples;
}

/**
 * Resampled differences, model minus baseline, on the same items. Items are
 * grouped by (label, model's prediction, baseline's prediction): each group's
 * Poisson draw goes to the model's cell (label, model) and to the baseline's
 * cell (label, baseline) alike, which is what pairs the two.
 */
export function bootstrapConfusionPaired(
  k: number,
  actual: Int32Array,
  predicted: Int32Array,
  baseline: Int32Array,
  positive: number,
  settings: BootstrapSettings,
): HeadlineSamples {
  const joint = new Map<number, number>();
  for (let i = 0; i < actual.length; i += 1) {
    const key = (actual[i]! * k + predicted[i]!) * k + baseline[i]!;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const keys = [...joint.keys()];
  const samplers = keys.map((key) => poissonSampler(joint.get(key)!));
  const modelCell = Int32Array.from(keys, (key) => Math.floor(key / k));
  const baselineCell = Int32Array.from(keys, (key) => Math.floor(key / (k * k)) * k + (key % k));
  const samples = emptySamples(settings.resamples);
  const model = new Float64Array(k * k);
  const base = new Float64Array(k * k);
  for (let b = 0; b < settings.resamples; b += 1) {
    const rng = new Xoshiro128(settings.seed, b);
    model.fill(0);
    base.fill(0);
    for (let g = 0; g < keys.length; g += 1) {
      const w = samplers[g]!.draw(rng);
      model[modelCell[g]!]! += w;
      base[baselineCell[g]!]! += w;
    }
    record(samples, b, headlineOf(k, model, positive), headlineOf(k, base, positive));
  }
  return samples;
}
