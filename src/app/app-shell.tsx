import type { ReactNode } from 'react';
import type { StorageTrouble } from '../adapters/storage-trouble';
import type { Lang } from '../core/vocabulary';
import { useI18n } from '../i18n/i18n-context';
import { LanguageSwitch } from '../ui/components/language-switch';
import { StorageBanner } from '../ui/components/storage-banner';
import type { View } from './screens';
import type { TeamView } from './team-views';
import './app-shell.css';

interface Props {
  trouble: StorageTrouble | null;
  onLanguage: (lang: Lang) => void;
  /** The screen shown when no assessment is open; null while one is. */
  current: View | TeamView | null;
  onNavigate: (view: View) => void;
  /** The next screen's code is on its way: the current one stays, marked busy. */
  navigating: boolean;
  /** Team mode's corner of the header (who is signed in, the sync), when served by a team server. */
  account: ReactNode;
  /** Signed in to a team: the footer says where team work goes. */
  signedIn: boolean;
  /** The new-version notice, shown under the header like the storage banner. */
  updatePrompt: ReactNode;
  children: ReactNode;
}

export function AppShell({
  trouble,
  onLanguage,
  current,
  onNavigate,
  navigating,
  updatePrompt,
  account,
  signedIn,
  children,
}: Props) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <span className="brand">Moatscore</span>
          <nav className="main-nav" aria-label={t('nav.label')}>
            <ul>
              {(['start', 'library', 'deals', 'rubrics'] as const).map((view) => (
                <li key={view}>
                  <button
                    type="button"
                    aria-current={current === view ? 'page' : undefined}
                    onClick={() => onNavigate(view)}
                  >
                    {t(`nav.${view}`)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {account}
          <LanguageSwitch onChange={onLanguage} />
        </div>
      </header>
      <StorageBanner trouble={trouble} />
      {updatePrompt}
      <main id="main" className="app-main" aria-busy={navigating}>
        {children}
      </main>
      <footer className="app-footer">
        <p>{t(signedIn ? 'app.privacyTeam' : 'app.privacy')}</p>
      </footer>
    </>
  );
}
