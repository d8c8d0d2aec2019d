import { lazy } from 'react';
import { useTeamText } from '../i18n/team-text';
import { TeamBadge } from '../ui/team/team-badge';
import type { TeamSession } from './use-team';

// Loaded when needed: a solo user never downloads them.
const SignInScreen = lazy(() =>
  import('../ui/team/sign-in-screen').then((m) => ({ default: m.SignInScreen })),
);
const JoinScreen = lazy(() =>
  import('../ui/team/join-screen').then((m) => ({ default: m.JoinScreen })),
);
const TeamScreen = lazy(() => import('../ui/team/team-screen'));

/** The header's team corner: who is signed in and how the sync stands, or a way to sign in. */
export function TeamAccount({
  team,
  onSignIn,
  onOpenTeam,
}: {
  team: TeamSession;
  onSignIn: () => void;
  onOpenTeam: () => void;
}) {
  const text = useTeamText();
  if (!team.hosted) return null;
  const connection = team.sync?.connection ?? 'syncing';
  const signIn = (
    <button type="button" className="link-button team-sign-in" onClick={onSignIn}>
      {text('signIn.title')}
    </button>
  );
  if (team.member === null) return signIn;
  return (
    <>
      <TeamBadge
        member={team.member}
        connection={connection}
        queued={team.sync?.queued ?? 0}
        onOpenTeam={onOpenTeam}
        onSignOut={() => void team.signOut(false)}
      />
      {connection === 'signed-out' && signIn}
    </>
  );
}

export type TeamView = 'sign-in' | 'team';

/** The team's own screens: joining by invitation, signing in, and an owner's Team page. */
export function TeamScreens({
  team,
  view,
  invitation,
  onDone,
}: {
  team: TeamSession;
  view: TeamView | null;
  /** The `#invite=…` fragment the app was opened with, if any. */
  invitation: string | null;
  onDone: () => void;
}) {
  if (invitation !== null) {
    return (
      <JoinScreen
        api={team.api}
        token={invitation.slice('#invite='.length)}
        onJoined={(member) => {
          team.signedIn(member);
          onDone();
        }}
        onCancel={onDone}
      />
    );
  }
  if (view === 'team' && team.member?.role === 'owner') {
    return (
      <TeamScreen
        api={team.api}
        member={team.member}
        onSignedOutEverywhere={() => {
          void team.leave();
          onDone();
        }}
      />
    );
  }
  return (
    <SignInScreen
      api={team.api}
      onSignedIn={(member) => {
        team.signedIn(member);
        team.syncNow();
        onDone();
      }}
    />
  );
}
