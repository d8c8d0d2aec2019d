import { inPoints, metricsOf } from '../core/model-evidence';
import { levelIndexOf, listCriteria } from '../core/rubric-index';
import type { Assessment, Criterion, ModelEvidence } from '../core/schema';
import type { Lang } from '../core/vocabulary';
import {
  evidenceText,
  formatFigure,
  formatGain,
  formatPoints,
  metricName,
} from '../i18n/evidence-text';
import { LOCALES } from '../i18n/t';

/** One evaluation as the report prints it: all plain strings, plus the curve's points. */
export interface EvidenceEntry {
  title: string;
  facts: [label: string, value: string][];
  /** Positive class, threshold, folds, bootstrap: one line. */
  method: string;
  columns: string[];
  rows: string[][];
  roc: { fpr: number[]; tpr: number[]; caption: string; x: string; y: string } | null;
}

export interface EvidenceAppendix {
  title: string;
  intro: string;
  /** What the * after a metric's name means. */
  keyNote: string;
  entries: EvidenceEntry[];
}

/** Every answer's model evidence, in rubric order; null when no answer carries any. */
export function evidenceAppendix(assessment: Assessment, lang: Lang): EvidenceAppendix | null {
  const entries = listCriteria(assessment.rubric).flatMap(({ fullId, criterion }) => {
    const answer = Object.hasOwn(assessment.answers, fullId)
      ? assessment.answers[fullId]
      : undefined;
    return (answer?.modelEvidence ?? []).map((evidence) => entryOf(criterion, evidence, lang));
  });
  if (entries.length === 0) return null;
  return {
    title: evidenceText(lang, 'report.title'),
    intro: evidenceText(lang, 'report.intro'),
    keyNote: evidenceText(lang, 'report.keyMetric'),
    entries,
  };
}

function entryOf(criterion: Criterion, evidence: ModelEvidence, lang: Lang): EvidenceEntry {
  const et = (key: Parameters<typeof evidenceText>[1], vars?: Record<string, string | number>) =>
    evidenceText(lang, key, vars);
  const date = new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(evidence.computedAt));
  const auc = evidence.metrics.auc;
  return {
    title: `${criterion.name[lang]} · ${evidence.task}`,
    facts: [
      [et('report.heldOut'), evidence.heldOut],
      [
        et('report.items'),
        et('report.itemsValue', {
          n: evidence.n.toLocaleString(LOCALES[lang]),
          kind: et(`kind.${evidence.kind}`),
        }),
      ],
      [et('report.level'), levelText(criterion, evidence, lang)],
      [et('report.files'), evidence.files.map((f) => `${f.name}  ${f.sha256}`).join('\n')],
      [et('report.computed'), `${date} UTC`],
    ],
    method: [
      evidence.positive === null ? null : et('card.positive', { label: evidence.positive }),
      evidence.threshold === null ? null : et('card.threshold', { threshold: evidence.threshold }),
      evidence.folds === null ? null : et('card.folds', { folds: evidence.folds }),
      et(evidence.deltas === null ? 'card.bootstrap' : 'card.bootstrapPaired', evidence.bootstrap),
    ]
      .filter((part) => part !== null)
      .join(lang === 'zh' ? '；' : ' · '),
    columns: [
      et('card.metric'),
      et('card.value'),
      et('card.interval'),
      et('card.baseline'),
      et('card.difference'),
    ],
    rows: metricsOf(evidence.metrics).map((metric) => {
      const figure = evidence.metrics[metric]!;
      const gain = evidence.deltas?.[metric];
      const points = (x: number | null) => (x === null ? '—' : formatPoints(inPoints(metric, x)));
      const key = metric === evidence.keyMetric ? ' *' : '';
      return [
        `${metricName(lang, metric)}${key}`,
        formatFigure(metric, figure.value),
        figure.low === null || figure.high === null
          ? '—'
          : `${formatFigure(metric, figure.low)}–${formatFigure(metric, figure.high)}`,
        gain === undefined ? '—' : formatFigure(metric, figure.value - gain.value),
        gain === undefined
          ? '—'
          : et('card.gain', {
              gain: formatGain(inPoints(metric, gain.value)),
              low: points(gain.low),
              high: points(gain.high),
            }),
      ];
    }),
    roc:
      evidence.roc === null || auc === undefined
        ? null
        : {
            ...evidence.roc,
            caption: et('report.roc', { auc: formatFigure('auc', auc.value) }),
            x: et('roc.x'),
            y: et('roc.y'),
          },
  };
}

function levelText(criterion: Criterion, evidence: ModelEvidence, lang: Lang): string {
  const value = evidence.suggestedLevel;
  const level = value === null ? undefined : criterion.levels.find((l) => l.value === value);
  if (value === null || level === undefined) return evidenceText(lang, 'report.noLevel');
  return evidenceText(lang, evidence.accepted ? 'report.accepted' : 'report.notAccepted', {
    level: levelIndexOf(criterion, value) + 1,
    label: level.label[lang],
  });
}
