import type { Results } from '../../core/score-results';
import { SERIES_COLOURS } from '../../report/series-palette';

/** On screen, dashes and point shapes keep the series apart in greyscale; the first is filled more. */
const SCREEN_MARKS = [
  { dash: [] as number[], point: 'circle', fill: 0.18 },
  { dash: [6, 4], point: 'triangle', fill: 0.08 },
  { dash: [2, 3], point: 'rect', fill: 0.08 },
  { dash: [10, 3, 2, 3], point: 'rectRot', fill: 0.08 },
  { dash: [1, 2], point: 'star', fill: 0.05 },
] as const;

export const SERIES_STYLES = SERIES_COLOURS.map((colour, i) => {
  const marks = SCREEN_MARKS[i]!;
  return {
    color: colour.hex,
    fill: `rgba(${colour.rgb}, ${marks.fill})`,
    dash: marks.dash,
    point: marks.point,
  };
});

export interface RadarSeries {
  label: string;
  /** Criterion full id → percent, null when unanswered. */
  percents: Record<string, number | null>;
}

export function seriesOf(label: string, results: Results): RadarSeries {
  return { label, percents: Object.fromEntries(results.criteria.map((c) => [c.id, c.percent])) };
}
