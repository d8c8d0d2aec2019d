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
