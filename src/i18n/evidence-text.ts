import { inPoints } from '../core/model-evidence';
import type { Figure, ModelEvidence } from '../core/schema';
import type { EvidenceMetric, Lang } from '../core/vocabulary';
import en from './evidence.en.json';
import zh from './evidence.zh.json';

/*
 * The words of model evidence, kept apart from the UI strings (as problem
 * wording is): only the evidence panel, the screens that show evidence and
 * the report load them, so the first screen does not carry them.
 */
export type EvidenceKey = keyof typeof en;
const WORDS: Record<Lang, Record<EvidenceKey, string>> = {
  en,
  zh: zh satisfies Record<EvidenceKey, string>,
};

/** An evidence string in `lang`, `{name}` placeholders filled from `vars`. */
export function evidenceText(
  lang: Lang,
  key: EvidenceKey,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

export function metricName(lang: Lang, metric: EvidenceMetric): string {
  return evidenceText(lang, `metric.${metric}`);
}

/** A metric as the CLI prints it: fractions with three decimals, BLEU (0–100) with one. */
export function formatFigure(metric: EvidenceMetric, value: number): string {
  return metric === 'bleu' ? value.toFixed(1) : value.toFixed(3);
}

/** Points with one decimal and a true minus sign: "5.2", "−0.4". */
export function formatPoints(points: number): string {
  const shown = Math.abs(points).toFixed(1);
  return points < 0 && shown !== '0.0' ? `−${shown}` : shown;
}

/** A gain in points, always signed: "+5.2", "−1.3", "±0.0". */
export function formatGain(points: number): string {
  const shown = formatPoints(points);
  if (shown === '0.0') return '±0.0';
  return points > 0 ? `+${shown}` : shown;
}

/** "(0.840–0.900)" in the language's brackets, or nothing when the interval is undefined. */
export function intervalText(lang: Lang, metric: EvidenceMetric, figure: Figure): string {
  if (figure.low === null || figure.high === null) return '';
  return evidenceText(lang, 'line.interval', {
    low: formatFigure(metric, figure.low),
    high: formatFigure(metric, figure.high),
  });
}

/**
 * One evaluation in a line, by its key metric: "F1 0.870 (0.840–0.900), +5.2
 * points over the baseline (3.1 to 7.4) on held-out set “customer A”".
 */
export function evidenceLine(evidence: ModelEvidence, lang: Lang): string {
  const metric = evidence.keyMetric;
  const figure = evidence.metrics[metric];
  const heldOut = evidence.heldOut;
  if (figure === undefined)
    return evidenceText(lang, 'line.plain', {
      metric: metricName(lang, metric),
      value: '—',
      interval: '',
      heldOut,
    });
  const base = {
    metric: metricName(lang, metric),
    value: formatFigure(metric, figure.value),
    interval: intervalText(lang, metric, figure),
    heldOut,
  };
  const gain = evidence.deltas?.[metric];
  if (gain === undefined || gain.low === null || gain.high === null)
    return evidenceText(lang, 'line.plain', base);
  return evidenceText(lang, 'line.withGain', {
    ...base,
    gain: formatGain(inPoints(metric, gain.value)),
    gainLow: formatPoints(inPoints(metric, gain.low)),
    gainHigh: formatPoints(inPoints(metric, gain.high)),
  });
}

/**
 * The line with its task, and whether the rater accepted the level it
 * supports (`levelNumber`: that level's 1-based place in the criterion, as
 * every screen numbers levels; null when it supports none).
 */
export function evidenceLineWithTask(
  evidence: ModelEvidence,
  lang: Lang,
  levelNumber: number | null,
): string {
  const line = evidenceText(lang, 'line.task', {
    task: evidence.task,
    line: evidenceLine(evidence, lang),
  });
  if (levelNumber === null) return line;
  const status = evidenceText(lang, evidence.accepted ? 'line.accepted' : 'line.suggested', {
    level: levelNumber,
  });
  return lang === 'zh' ? `${line}（${status}）` : `${line} (${status})`;
}
