import type { Lang } from '../core/vocabulary';
import { detectLanguage, isLang } from '../i18n/detect-language';
import type { KeyValueStorage } from './key-value-storage';

const LANG_KEY = 'moatscore.lang';

/** The language the user chose last, else the browser's. */
export function initialLanguage(
  storage: KeyValueStorage | null,
  browserLanguages: readonly string[],
): Lang {
  const saved = storage?.get(LANG_KEY);
  return isLang(saved) ? saved : detectLanguage(browserLanguages);
}

export function rememberLanguage(storage: KeyValueStorage | null, lang: Lang): void {
  try {
    storage?.set(LANG_KEY, lang);
  } catch {
    // Not worth a banner: the switch still works for this visit.
  }
}
