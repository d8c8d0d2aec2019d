import type { DealView } from '../core/aggregate-deal';
import type { Lang } from '../core/vocabulary';
import { formatScore, t } from '../i18n/t';
import { paren } from './format-results';

/** The readable deal view of `cli deal`. */
export function formatDeal(deal: DealView, lang: Lang): string[] {
  const colon = t(lang, 'punct.colon');
  const lines = [
    `${t(lang, 'deal.raters')}${colon}${deal.raters.map((r) => `${r.name}${paren(t(lang, `role.${r.role}`), lang)} ${formatScore(r.results.overall)}`).join(' · ')}`,
    `${t(lang, 'deal.overall')}${colon}${formatScore(deal.overall)}`,
    `${t(lang, 'deal.alpha')}${colon}${deal.alpha === null ? '—' : deal.alpha.toFixed(3)}${paren(t(lang, `deal.agreement.${deal.agreement}`), lang)}`,
    '',
  ];
  for (const c of deal.criteria) {
    const mark = c.disagreement ? '!' : ' ';
    lines.push(
      `${mark} ${c.name[lang]}${colon}${t(lang, 'deal.meanMedian', { mean: formatScore(c.mean), median: formatScore(c.median), min: formatScore(c.min), max: formatScore(c.max) })} [${c.values.map(formatScore).join(', ')}]`,
    );
  }
  if (deal.disagreements.length > 0) lines.push('', t(lang, 'deal.disagreementNote'));
  return lines;
}
