import { browserStorage } from './key-value-storage';

const key = (deal: string) => `moatscore.blind.${deal}`;

/** Which rater this browser scores a deal as, for blind scoring; null when not set. */
export function readBlindChoice(deal: string): string | null {
  return browserStorage()?.get(key(deal)) ?? null;
}

export function writeBlindChoice(deal: string, rater: string | null): void {
  const storage = browserStorage();
  try {
    if (rater === null) storage?.remove(key(deal));
    else storage?.set(key(deal), rater);
  } catch {
    // Blind scoring still works for this visit.
  }
}
