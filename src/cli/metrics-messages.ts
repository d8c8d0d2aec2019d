import type { MetricsProblem } from '../core/metrics/metrics-problem';
import type { MetricName, MetricsNote } from '../core/metrics/metrics-report';
import type { Lang } from '../core/vocabulary';

/**
 * The words of `cli metrics` in English and Chinese. They live beside the
 * command rather than in the UI's message files until the evidence screen
 * needs them too; Chinese text uses full-width punctuation (：，（）).
 */
export const METRIC_NAMES: Record<Lang, Record<MetricName, string>> = {
  en: {
    accuracy: 'accuracy',
    precision: 'precision',
    recall: 'recall',
    f1: 'F1',
    auc: 'AUC',
    bleu: 'BLEU',
  },
  zh: {
    accuracy: '准确率',
    precision: '精确率',
    recall: '召回率',
    f1: 'F1',
    auc: 'AUC',
    bleu: 'BLEU',
  },
};

type P = MetricsProblem['params'];
const s = (params: P, key: string) => String(params[key] ?? '');

/** Chinese problem messages, by code; English ones come with the problem. */
const ZH_PROBLEMS: Record<MetricsProblem['code'], (p: P) => string> = {
  'empty-file': () => '文件为空',
  'no-rows': () => '表头之后没有数据行',
  'unterminated-quote': () => '带引号的字段没有闭合',
  'text-after-quote': () => '闭合引号后还有文字；引号字段内的引号应写作 ""',
  'field-count': (p) => `应有 ${s(p, 'expected')} 个字段（与表头相同），实有 ${s(p, 'found')} 个`,
  'duplicate-column': (p) => `列"${s(p, 'column')}"出现了两次`,
  'missing-column': (p) =>
    s(p, 'column') === 'label'
      ? `缺少"label"列（表头为：${s(p, 'header')}）`
      : `缺少"prediction"或"score"列（表头为：${s(p, 'header')}）`,
  'both-prediction-and-score': () => '同时有"prediction"列和"score"列：只保留要评估的一列',
  'empty-value': (p) => `${s(p, 'column')} 为空`,
  'not-a-number': (p) => `分数"${s(p, 'value')}"不是数字`,
  'unknown-prediction': (p) => `预测值"${s(p, 'value')}"不是文件中的任何一个标签`,
  'too-many-classes': (p) =>
    `分数只适用于两个类别，而标签有 ${s(p, 'count')} 个（${s(p, 'classes')}）`,
  'unknown-positive': (p) =>
    Number(p.count) === 2
      ? `正类"${s(p, 'requested')}"不是标签之一（${s(p, 'classes')}）`
      : `正类只适用于两个类别，而标签有 ${s(p, 'count')} 个（${s(p, 'classes')}），因此使用宏平均`,
  'bad-threshold': (p) => `阈值必须是有限的数字，而不是 ${s(p, 'value')}`,
  'baseline-kind': (p) =>
    `基线文件的列为 ${s(p, 'baseline')}，模型文件的列为 ${s(p, 'model')}：两者须为同一类数据`,
  'baseline-length': (p) =>
    `有 ${s(p, 'baseline')} 行，而 ${s(p, 'modelFile')} 有 ${s(p, 'model')} 行：基线须按相同顺序包含相同的样本`,
  'baseline-label': (p) =>
    `此处为"${s(p, 'value')}"，而 ${s(p, 'modelFile')} 第 ${s(p, 'modelLine')} 行为"${s(p, 'expected')}"：各行须一一对应`,
  'baseline-fold': (p) =>
    `此处为"${s(p, 'value')}"，而 ${s(p, 'modelFile')} 第 ${s(p, 'modelLine')} 行为"${s(p, 'expected')}"：各行须一一对应`,
  'no-references': () => 'BLEU 至少需要一个参考译文文件',
  'line-count': (p) =>
    `有 ${s(p, 'lines')} 行，而 ${s(p, 'other')} 有 ${s(p, 'expected')} 行：各文件的第 i 行应是同一段文本`,
};

/** `file:line: column: message`, in the chosen language. */
export function formatProblem(problem: MetricsProblem, lang: Lang): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  const column = problem.column === null ? '' : `${problem.column}: `;
  let message = problem.message;
  if (lang === 'zh') {
    message = ZH_PROBLEMS[problem.code](problem.params);
    if (problem.params.more !== undefined)
      message += `（另有 ${s(problem.params, 'more')} 个同类问题）`;
  }
  return `${where}: ${column}${message}`;
}

/** A note about the results, in the chosen language. */
export function formatNote(note: MetricsNote, lang: Lang): string {
  const name = (metric: MetricName) => METRIC_NAMES[lang][metric];
  const zh = lang === 'zh';
  switch (note.code) {
    case 'auc-undefined':
      return zh
        ? `AUC 和 ROC 曲线无定义：文件中没有${note.missing === 'positive' ? '正类' : '负类'}样本`
        : `AUC and the ROC curve are undefined: the file has no ${note.missing} items`;
    case 'never-predicted':
      return zh
        ? `从未被预测的类别（精确率无定义，宏平均中按 0 计）：${note.classes.join('，')}`
        : `never predicted (precision undefined, counted as 0 in the macro average): ${note.classes.join(', ')}`;
    case 'headline-undefined':
      return zh
        ? `${name(note.metric)}无定义：${note.metric === 'precision' ? '没有任何样本被预测为正类' : '没有正类样本'}`
        : `${name(note.metric)} is undefined: ${note.metric === 'precision' ? 'nothing is predicted positive' : 'there are no positive items'}`;
    case 'fold-undefined':
      return zh
        ? `${name(note.metric)}在以下折中无定义，未计入均值和标准差：${note.folds.join('，')}`
        : `${name(note.metric)} is undefined in folds ${note.folds.join(', ')}, left out of its mean and sd`;
    case 'single-fold':
      return zh ? '只有一折：标准差无定义' : 'only one fold: the sd is undefined';
    case 'resamples-undefined':
      return zh
        ? `${name(note.metric)}${note.of === 'delta' ? '差值' : ''}在 ${note.count} 次重抽样中无定义，未计入区间`
        : `${name(note.metric)}${note.of === 'delta' ? ' difference' : ''}: undefined in ${note.count} resamples, left out of the interval`;
    case 'interval-excludes-estimate':
      return zh
        ? `${name(note.metric)}${note.of === 'delta' ? '差值' : ''}的百分位区间不含点估计：该统计量在此样本上有偏`
        : `${name(note.metric)}${note.of === 'delta' ? ' difference' : ''}: the percentile interval does not contain the estimate (the statistic is biased on this sample)`;
    case 'delta-undefined':
      return zh
        ? `${name(note.metric)}在模型或基线上无定义，没有差值`
        : `${name(note.metric)} is undefined for the model or the baseline: no difference`;
  }
}
