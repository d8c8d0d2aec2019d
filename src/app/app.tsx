import { LOCALES } from '../i18n/t';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { browserStorage } from '../adapters/key-value-storage';
import { initialLanguage, rememberLanguage } from '../adapters/language-preference';
import type { Lang } from '../core/vocabulary';
import { I18nProvider } from '../i18n/i18n-context';
import { AppShell } from './app-shell';
import { Screens, type View } from './screens';
import { SharedLink } from './shared-link';
import { useShareFragment } from './use-share-fragment';
import { useDraftSession } from './use-draft-session';
import { useAppUpdate } from './use-app-update';
import { UpdatePrompt } from '../ui/components/update-prompt';
import { TeamNotices } from '../ui/team/team-notices';
import { useTeam } from './use-team';

export function App() {
  const storage = useMemo(() => browserStorage(), []);
  const [lang, setLang] = useState<Lang>(() => initialLanguage(storage, navigator.languages));
  const session = useDraftSession(storage);
  const team = useTeam(storage, session.store, {
    onStorageTrouble: session.report,
    onStored: session.changedOutside,
  });
  const [shareFragment, clearShare] = useShareFragment();
  const [view, setView] = useState<View>('start');
  const { draft, close } = session;
  const navigate = useCallback(
    (next: View) => {
      if (draft !== null) close();
      setView(next);
    },
    [draft, close],
  );

  useEffect(() => {
    document.documentElement.lang = LOCALES[lang];
  }, [lang]);

  // A new version never interrupts a form being filled in: a wizard step, or
  // the rubric editor (whose edits live only in memory until saved).
  const update = useAppUpdate();
  const filling =
    draft === null
      ? view === 'rubrics' && shareFragment === null
      : draft.position.screen === 'step';
  const { state: updateState, reload } = update;
  useEffect(() => {
    if (updateState === 'reload-pending' && !filling) reload();
  }, [updateState, filling, reload]);

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
        current={session.draft === null ? view : null}
        onNavigate={navigate}
        updatePrompt={
          <UpdatePrompt
            visible={(updateState === 'ready' || updateState === 'applying') && !filling}
            applying={updateState === 'applying'}
            onReload={update.apply}
          />
        }
      >
        <TeamNotices notices={team.notices} onDismiss={team.dismissNotice} />
        {shareFragment === null ? (
          <Screens session={session} team={team} view={view} />
        ) : (
          <SharedLink
            fragment={shareFragment}
            session={session}
            onDone={(imported) => {
              clearShare();
              if (imported) setView('library');
            }}
          />
        )}
      </AppShell>
    </I18nProvider>
  );
}
