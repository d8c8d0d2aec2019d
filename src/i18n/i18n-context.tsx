import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { LocalizedText } from '../core/schema';
import type { Lang } from '../core/vocabulary';
import { LOCALES, MESSAGES, t, type MessageKey, type Vars } from './t';

export interface I18n {
  lang: Lang;
  /** The BCP 47 locale of `lang` (LOCALES), for Intl formatting. */
  locale: string;
  t: (key: MessageKey, vars?: Vars) => string;
  /** Rubric text in the current language. */
  local: (text: LocalizedText) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({
      lang,
      locale: LOCALES[lang],
      t: (key, vars) => t(lang, key, vars),
      local: (text) => text[lang],
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('useI18n needs an I18nProvider');
  return i18n;
}

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.hasOwn(MESSAGES.en, key);
}
