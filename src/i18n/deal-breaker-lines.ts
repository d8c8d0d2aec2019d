import type { DealView } from '../core/aggregate-deal';
import type { Lang } from '../core/vocabulary';

/** Each rater's walk-away answers in a deal, as "Rater: question", for the deal view and its PDF. */
export function dealBreakerLines(view: DealView, lang: Lang): string[] {
  const colon = lang === 'zh' ? '：' : ': ';
  return view.dealBreakers.map(({ rater, id }) => {
    const name = view.raters.find((r) => r.id === rater)?.name ?? rater;
    const question = view.rubric.dealBreakers?.find((d) => d.id === id)?.question[lang] ?? id;
    return `${name}${colon}${question}`;
  });
}
