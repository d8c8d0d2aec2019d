import type { ReactNode } from 'react';
import type { StorageTrouble } from '../adapters/key-value-storage';
import type { Lang } from '../core/schema';
import { useI18n } from '../i18n/i18n-context';
import { LanguageSwitch } from '../ui/components/language-switch';
import { StorageBanner } from '../ui/components/storage-banner';

interface Props {
  trouble: StorageTrouble | null;
  onLanguage: (lang: Lang) => void;
  /** Present while an assessment is open: back to the start screen. */
  onHome: (() => void) | undefined;
  children: ReactNode;
}

export function AppShell({ trouble, onLanguage, onHome, children }: Props) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          {onHome === undefined ? (
            <span className="brand">Moatscore</span>
          ) : (
            <button type="button" className="brand brand-button" onClick={onHome}>
              Moatscore<span className="visually-hidden"> — {t('app.home')}</span>
            </button>
          )}
          <LanguageSwitch onChange={onLanguage} />
        </div>
      </header>
      <StorageBanner trouble={trouble} />
      <main id="main" className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <p>{t('app.privacy')}</p>
      </footer>
    </>
  );
}
