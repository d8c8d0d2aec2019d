import type { Results } from '../../core/score-results';

/** Okabe–Ito colours: distinct for the common colour-blindnesses; dashes and point shapes keep them apart in greyscale. */
export const SERIES_STYLES = [
  { color: '#0072B2', fill: 'rgba(0, 114, 178, 0.18)', dash: [] as number[], point: 'circle' },
  { color: '#D55E00', fill: 'rgba(213, 94, 0, 0.08)', dash: [6, 4], point: 'triangle' },
  { color: '#009E73', fill: 'rgba(0, 158, 115, 0.08)', dash: [2, 3], point: 'rect' },
  { color: '#CC79A7', fill: 'rgba(204, 121, 167, 0.08)', dash: [10, 3, 2, 3], point: 'rectRot' },
  { color: '#000000', fill: 'rgba(0, 0, 0, 0.05)', dash: [1, 2], point: 'star' },
] as const;

export interface RadarSeries {
  label: string;
  /** Criterion full id → percent, null when unanswered. */
  percents: Record<string, number | null>;
}

export function seriesOf(label: string, results: Results): RadarSeries {
  return { label, percents: Object.fromEntries(results.criteria.map((c) => [c.id, c.percent])) };
}
