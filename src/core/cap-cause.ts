import type { Results } from './score-results';

/** What holds a capped verdict down: a knock-out red flag, a deal-breaker, or both. */
export type CapCause = 'red-flag' | 'deal-breaker' | 'both';

/**
 * Why the verdict is capped, or null when it is not. A deal-breaker counts
 * only when its cap is at or below the band the score reaches (one above it
 * changes nothing); a red flag always caps at the lowest band.
 */
export function capCauseOf(results: Results): CapCause | null {
  const verdict = results.verdict;
  if (verdict === null || !verdict.capped) return null;
  const redFlag = results.redFlags.length > 0;
  const dealBreaker = results.dealBreakers.some((d) => d.capBand.min <= verdict.uncapped.min);
  if (redFlag && dealBreaker) return 'both';
  if (redFlag) return 'red-flag';
  return dealBreaker ? 'deal-breaker' : null;
}
