import { LOCALES } from '../i18n/t';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, useTransition } from 'react';
import { Loading } from '../ui/components/loading';
import { browserStorage } from '../adapters/key-value-storage';
import { initialLanguage, rememberLanguage } from '../adapters/language-preference';
import type { Lang } from '../core/vocabulary';
import { I18nProvider } from '../i18n/i18n-context';
import { AppShell } from './app-shell';
import { Screens, type DealToScore, type View } from './screens';
import { SharedLink } from './shared-link';
import { useAddressFragment } from './use-address-fragment';
import type { TeamView } from './team-views';
import { useDraftSession } from './use-draft-session';
import { useAppUpdate } from './use-app-update';
import { UpdatePrompt } from '../ui/components/update-prompt';
import { useTeam } from './use-team';

// Team mode's screens and wording load only where a team server served the page.
const TeamAccount = lazy(() => import('./team-views').then((m) => ({ default: m.TeamAccount })));
const TeamScreens = lazy(() => import('./team-views').then((m) => ({ default: m.TeamScreens })));
const TeamNotices = lazy(() =>
  import('../ui/team/team-notices').then((m) => ({ default: m.TeamNotices })),
);

export function App() {
  const storage = useMemo(() => browserStorage(), []);
  const [lang, setLang] = useState<Lang>(() => initialLanguage(storage, navigator.languages));
  const session = useDraftSession(storage);
  const team = useTeam(storage, session.store, {
    onStorageTrouble: session.report,
    onStored: session.changedOutside,
  });
  const [shareFragment, clearShare] = useAddressFragment('#share=');
  const [invitation, clearInvitation] = useAddressFragment('#invite=');
  const [view, setView] = useState<View | TeamView>('start');
  const { draft, close } = session;
  // A transition: the screen shown stays until the next one's code is in, instead of a
  // loading fallback, which React then holds for at least 300 ms however fast the code came.
  const [navigating, startNavigation] = useTransition();
  const [dealToScore, setDealToScore] = useState<DealToScore | null>(null);
  const navigate = useCallback(
    (next: View | TeamView, deal: DealToScore | null = null) =>
      startNavigation(() => {
        if (draft !== null) close();
        setDealToScore(deal);
        setView(next);
      }),
    [draft, close, startNavigation],
  );

  useEffect(() => {
    document.documentElement.lang = LOCALES[lang];
  }, [lang]);
  // Once its assessment is open, a deal chosen from the team's list has been taken up.
  useEffect(() => {
    if (draft !== null) setDealToScore(null);
  }, [draft]);

  // A new version never interrupts a form being filled in: a wizard step, or
  // the rubric editor (whose edits live only in memory until saved).
  const update = useAppUpdate();
  const filling =
    draft === null
      ? (view === 'rubrics' && shareFragment === null) || invitation !== null || view === 'sign-in'
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
        signedIn={team.member !== null}
        account={
          team.hosted && (
            <Suspense fallback={null}>
              <TeamAccount
                team={team}
                onSignIn={() => navigate('sign-in')}
                onOpenTeam={() => navigate('team')}
              />
            </Suspense>
          )
        }
        onNavigate={navigate}
        navigating={navigating}
        updatePrompt={
          <UpdatePrompt
            visible={(updateState === 'ready' || updateState === 'applying') && !filling}
            applying={updateState === 'applying'}
            onReload={update.apply}
          />
        }
      >
        {team.notices.length > 0 && (
          <Suspense fallback={null}>
            <TeamNotices notices={team.notices} onDismiss={team.dismissNotice} />
          </Suspense>
        )}
        {invitation !== null || ((view === 'sign-in' || view === 'team') && draft === null) ? (
          <Suspense fallback={<Loading />}>
            <TeamScreens
              team={team}
              view={view === 'sign-in' || view === 'team' ? view : null}
              invitation={invitation}
              onDone={() => {
                clearInvitation();
                setView('start');
              }}
            />
          </Suspense>
        ) : shareFragment === null ? (
          <Screens
            session={session}
            team={team}
            view={view === 'sign-in' || view === 'team' ? 'start' : view}
            dealToScore={dealToScore}
            onScoreDeal={(deal) => navigate('start', deal)}
          />
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
