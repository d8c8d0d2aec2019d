import type { Interval } from '../core/metrics/bootstrap';
import type { MetricName, MetricsReport } from '../core/metrics/metrics-report';
import type { Lang } from '../core/vocabulary';
import { formatNote, METRIC_NAMES } from './metrics-messages';

const WORDS = {
  en: {
    rows: (n: string) => `${n} rows`,
    segments: (n: string) => `${n} segments`,
    positive: (label: string, rule: string) => `positive class "${label}" (${rule})`,
    noPositive: 'no positive class in the labels',
    rules: { option: 'as asked', named: 'by its name', sorted: 'second in sorted order' },
    macro: (k: number) => `${k} classes, macro averages`,
    threshold: (t: string) => `threshold: a score ≥ ${t} is called positive`,
    interval: (low: string, high: string) => `(95 % interval ${low}–${high})`,
    undefinedValue: 'undefined',
    against: (file: string) => `against the baseline ${file} (paired bootstrap):`,
    delta: (change: string, low: string, high: string) =>
      `${change} (95 % interval ${low} to ${high})`,
    points: ' points',
    folds: (k: number) => `${k} folds, mean ± sd over folds (sd with k − 1):`,
    pooled: 'all folds pooled:',
    confusion: 'confusion matrix (rows: label, columns: prediction):',
    perClass: 'per class (precision / recall / F1 / support):',
    bleuDetail: (p: string, bp: string, ratio: string, h: number, r: number) =>
      `n-gram precisions ${p} (BP = ${bp}, ratio = ${ratio}, hyp_len = ${h}, ref_len = ${r})`,
    signature: 'sacreBLEU signature: case:mixed|eff:no|tok:13a|smooth:exp',
    note: 'note',
    leftOut: (delta: boolean, list: string) =>
      `resamples where the ${delta ? 'difference' : 'metric'} is undefined, left out of its interval: ${list}`,
    bootstrap: (b: string, seed: number) => `bootstrap: ${b} Poisson resamples, seed ${seed}`,
    sep: ', ',
  },
  zh: {
    rows: (n: string) => `${n} 行`,
    segments: (n: string) => `${n} 段`,
    positive: (label: string, rule: string) => `正类为"${label}"（${rule}）`,
    noPositive: '标签中没有正类',
    rules: { option: '按参数指定', named: '按名称判断', sorted: '排序后的第二个' },
    macro: (k: number) => `${k} 个类别，宏平均`,
    threshold: (t: string) => `阈值：分数 ≥ ${t} 判为正类`,
    interval: (low: string, high: string) => `（95% 区间 ${low}–${high}）`,
    undefinedValue: '无定义',
    against: (file: string) => `与基线 ${file} 比较（配对自助法）：`,
    delta: (change: string, low: string, high: string) => `${change}（95% 区间 ${low} 至 ${high}）`,
    points: ' 个百分点',
    folds: (k: number) => `交叉验证 ${k} 折，各折均值 ± 标准差（标准差除以 k − 1）：`,
    pooled: '各折合并：',
    confusion: '混淆矩阵（行：真实标签，列：预测）：',
    perClass: '各类别（精确率 / 召回率 / F1 / 样本数）：',
    bleuDetail: (p: string, bp: string, ratio: string, h: number, r: number) =>
      `n 元精确率 ${p}（BP = ${bp}，长度比 = ${ratio}，候选长度 = ${h}，参考长度 = ${r}）`,
    signature: 'sacreBLEU 签名：case:mixed|eff:no|tok:13a|smooth:exp',
    note: '注',
    leftOut: (delta: boolean, list: string) =>
      `${delta ? '差值' : '指标'}无定义、未计入区间的重抽样次数：${list}`,
    bootstrap: (b: string, seed: number) => `自助法：${b} 次泊松重抽样，种子 ${seed}`,
    sep: '，',
  },
} as const;

const count = (n: number) => n.toLocaleString('en-US');

/** Columns a terminal gives the text: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}
const pad = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - displayWidth(text)));
/** Fractions with three decimals; BLEU, already 0–100, with one (as sacreBLEU prints it). */
const value = (metric: MetricName, x: number) => (metric === 'bleu' ? x.toFixed(1) : x.toFixed(3));
/** A difference: BLEU points, or percentage points for fractions (+0.05 F1 is "+5.0 points"). */
const change = (metric: MetricName, x: number) => {
  const scaled = metric === 'bleu' ? x : 100 * x;
  const shown = Math.abs(scaled).toFixed(1);
  return `${shown === '0.0' ? '±' : scaled > 0 ? '+' : '−'}${shown}`;
};

/** The readable report of `cli metrics`, in the chosen language. */
export function formatMetrics(report: MetricsReport, lang: Lang): string[] {
  const w = WORDS[lang];
  const names = METRIC_NAMES[lang];
  const metrics = Object.keys(report.values) as MetricName[];
  const width = Math.max(...metrics.map((m) => displayWidth(names[m]))) + 2;
  const label = (m: MetricName) => pad(names[m], width);
  const interval = (m: MetricName, i: Interval | null | undefined) =>
    i === null || i === undefined
      ? ''
      : `${lang === 'zh' ? '' : ' '}${w.interval(value(m, i.low), value(m, i.high))}`;

  const head = [report.input === 'text' ? w.segments(count(report.n)) : w.rows(count(report.n))];
  if (report.classification !== null) {
    if (report.positive !== null) {
      head.push(
        report.positive.label === null
          ? w.noPositive
          : w.positive(report.positive.label, w.rules[report.positive.rule]),
      );
    } else head.push(w.macro(report.classification.classes.length));
  }
  const lines = [`${report.file}${lang === 'zh' ? '：' : ': '}${head.join(w.sep)}`];
  if (report.threshold !== null) lines.push(`  ${w.threshold(String(report.threshold))}`);
  if (report.folds !== null) lines.push(`  ${w.pooled}`);
  const indent = report.folds === null ? '  ' : '    ';
  for (const m of metrics) {
    const x = report.values[m] ?? null;
    lines.push(
      `${indent}${label(m)}${x === null ? w.undefinedValue : value(m, x)}${interval(m, report.intervals[m])}`,
    );
  }
  if (report.bleu !== null) {
    const b = report.bleu;
    const precisions = b.precisions.map((p) => p.toFixed(1)).join('/');
    lines.push(
      `  ${w.bleuDetail(precisions, b.bp.toFixed(3), b.ratio.toFixed(3), b.hypLength, b.refLength)}`,
      `  ${w.signature}`,
    );
  }
  if (report.folds !== null) {
    const summary = report.folds.summary;
    lines.push(`  ${w.folds(report.folds.perFold.length)}`);
    for (const m of Object.keys(summary) as MetricName[]) {
      const f = summary[m];
      const shown =
        f === null || f === undefined
          ? w.undefinedValue
          : `${value(m, f.mean)} ± ${f.sd === null ? '—' : value(m, f.sd)}`;
      lines.push(`    ${label(m)}${shown}`);
    }
  }
  if (report.delta !== null && report.baseline !== null && report.baselineFile !== null) {
    lines.push(`  ${w.against(report.baselineFile)}`);
    for (const m of Object.keys(report.delta) as MetricName[]) {
      const d = report.delta[m];
      const base = report.baseline[m] ?? null;
      const model = report.values[m] ?? null;
      const pair = `${base === null ? '—' : value(m, base)} → ${model === null ? '—' : value(m, model)}`;
      const unit = m === 'bleu' ? '' : w.points;
      const shown =
        d === null || d === undefined
          ? w.undefinedValue
          : w.delta(`${change(m, d.value)}${unit}`, change(m, d.low), change(m, d.high));
      lines.push(`    ${label(m)}${pair}${lang === 'zh' ? '，' : '  '}${shown}`);
    }
  }
  const c = report.classification;
  if (c !== null && c.classes.length <= 12) {
    const cell =
      Math.max(
        5,
        ...c.classes.map((x) => x.length),
        ...c.confusion.flat().map((x) => count(x).length),
      ) + 1;
    lines.push(`  ${w.confusion}`);
    lines.push(`    ${''.padEnd(cell)}${c.classes.map((x) => x.padStart(cell)).join('')}`);
    c.confusion.forEach((row, a) => {
      lines.push(
        `    ${c.classes[a]!.padEnd(cell)}${row.map((x) => count(x).padStart(cell)).join('')}`,
      );
    });
    if (c.averaging === 'macro' && c.classes.length > 1) {
      lines.push(`  ${w.perClass}`);
      const f = (x: number | null) => (x === null ? '—' : x.toFixed(3));
      for (const k of c.perClass) {
        lines.push(
          `    ${k.label.padEnd(cell)}${f(k.precision)} / ${f(k.recall)} / ${f(k.f1)} / ${count(k.support)}`,
        );
      }
    }
  }
  const colon = lang === 'zh' ? '：' : ': ';
  // Resamples left out are listed on one line per kind: a line per metric drowns the results.
  for (const of of ['interval', 'delta'] as const) {
    const left = report.notes.flatMap((n) =>
      n.code === 'resamples-undefined' && n.of === of ? [n] : [],
    );
    if (left.length > 0) {
      const list = left.map((n) => `${names[n.metric]} ${count(n.count)}`).join(w.sep);
      lines.push(`  ${w.note}${colon}${w.leftOut(of === 'delta', list)}`);
    }
  }
  for (const note of report.notes) {
    if (note.code !== 'resamples-undefined') {
      lines.push(`  ${w.note}${colon}${formatNote(note, lang)}`);
    }
  }
  lines.push(`  ${w.bootstrap(count(report.bootstrap.resamples), report.bootstrap.seed)}`);
  return lines;
}
