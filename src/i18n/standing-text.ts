import type { CriterionStanding } from '../core/stage-expectation';
import type { Lang } from '../core/vocabulary';
import { t } from './t';

/** "Ahead by 1 level", "At the expectation", "Behind by 2 levels", as each language says it. */
export function standingText(lang: Lang, standing: CriterionStanding): string {
  const levels = Math.abs(standing.gap);
  switch (standing.standing) {
    case 'at':
      return t(lang, 'standing.at');
    case 'ahead':
      return levels === 1
        ? t(lang, 'standing.aheadOne')
        : t(lang, 'standing.ahead', { count: levels });
    case 'behind':
      return levels === 1
        ? t(lang, 'standing.behindOne')
        : t(lang, 'standing.behind', { count: levels });
  }
}

/** A marker that reads without colour: ▲ ahead, ● at, ▼ behind. */
export const STANDING_MARKS = { ahead: '▲', at: '●', behind: '▼' } as const;
