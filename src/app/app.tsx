import { useCallback, useEffect, useMemo, useState } from 'react';
import { browserStorage } from '../adapters/key-value-storage';
import { initialLanguage, rememberLanguage } from '../adapters/language-preference';
import type { Lang } from '../core/schema';
import { I18nProvider } from '../i18n/i18n-context';
import { AppShell } from './app-shell';
import { Screens } from './screens';
import { useDraftSession } from './use-draft-session';

export function App() {
  const storage = useMemo(() => browserStorage(), []);
  const [lang, setLang] = useState<Lang>(() => initialLanguage(storage, navigator.languages));
  const session = useDraftSession(storage);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const changeLanguage = useCallback(
    (next: Lang) => {
      setLang(next);
      rememberLanguage(storage, next);
    },
    [storage],
  );

  return (
    <I18nProvider lang={lang}>
      <AppShell
        trouble={session.trouble}
        onLanguage={changeLanguage}
        onHome={session.draft === null ? undefined : session.close}
      >
        <Screens session={session} />
      </AppShell>
    </I18nProvider>
  );
}
