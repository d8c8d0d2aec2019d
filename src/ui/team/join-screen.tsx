import { useEffect, useState } from 'react';
import type { TeamApi, TeamFailure, TeamMember } from '../../adapters/team-api';
import { useTeamText } from '../../i18n/team-text';
import { PageHeading } from '../components/page-heading';
import { useDocumentTitle } from '../components/use-document-title';
import { AccountForm, type InvitationGrant } from './account-form';
import { failureReason } from './failure-text';
import './team.css';

interface Props {
  api: TeamApi;
  /** From the link's `#invite=` fragment. */
  token: string;
  onJoined: (member: TeamMember) => void;
  /** Leaves team mode: the app goes on working on this device alone. */
  onCancel: () => void;
}

type Check =
  | { kind: 'checking' }
  | { kind: 'valid'; grant: InvitationGrant }
  /** Used, expired or never issued: nothing to do with it but ask for another. */
  | { kind: 'unusable' }
  | { kind: 'unchecked'; failure: TeamFailure };

/** Shows what an invitation grants, then creates the account and signs it in. */
export function JoinScreen({ api, token, onJoined, onCancel }: Props) {
  const [check, setCheck] = useState<Check>({ kind: 'checking' });
  const [checks, setChecks] = useState(0);

  useEffect(() => {
    let current = true;
    void api.inspectInvitation(token).then((result) => {
      if (!current) return;
      if (result.ok) setCheck({ kind: 'valid', grant: result.value });
      else if (isUnusable(result.failure)) setCheck({ kind: 'unusable' });
      else setCheck({ kind: 'unchecked', failure: result.failure });
    });
    return () => {
      current = false;
    };
  }, [api, token, checks]);

  switch (check.kind) {
    case 'checking':
      return <CheckingInvitation />;
    case 'unusable':
      return <UnusableInvitation onCancel={onCancel} />;
    case 'unchecked':
      return (
        <UncheckedInvitation
          failure={check.failure}
          onRetry={() => {
            setCheck({ kind: 'checking' });
            setChecks((n) => n + 1);
          }}
          onCancel={onCancel}
        />
      );
    case 'valid':
      return (
        <AccountForm
          api={api}
          token={token}
          grant={check.grant}
          onJoined={onJoined}
          onCancel={onCancel}
          onUnusable={() => setCheck({ kind: 'unusable' })}
        />
      );
  }
}

/** A token the server does not accept: unknown, used, expired, or too mangled to be one. */
function isUnusable(failure: TeamFailure): boolean {
  return failure.kind === 'gone' || failure.kind === 'not-found' || failure.kind === 'invalid';
}

function CheckingInvitation() {
  const text = useTeamText();
  useDocumentTitle(text('join.title'));
  return (
    <div className="team-page">
      <PageHeading focusKey="checking">{text('join.title')}</PageHeading>
      <p role="status">{text('join.checking')}</p>
    </div>
  );
}

function UnusableInvitation({ onCancel }: { onCancel: () => void }) {
  const text = useTeamText();
  useDocumentTitle(text('join.unusableTitle'), true);
  return (
    <div className="team-page">
      <PageHeading focusKey="unusable">{text('join.unusableTitle')}</PageHeading>
      <p>{text('join.unusable')}</p>
      <p>{text('join.soloSafe')}</p>
      <div className="actions">
        <button type="button" className="button primary" onClick={onCancel}>
          {text('join.continueSolo')}
        </button>
      </div>
    </div>
  );
}

/** The server could not be asked: the link may be fine, so it can be tried again. */
function UncheckedInvitation({
  failure,
  onRetry,
  onCancel,
}: {
  failure: TeamFailure;
  onRetry: () => void;
  onCancel: () => void;
}) {
  const text = useTeamText();
  useDocumentTitle(text('join.uncheckedTitle'), true);
  return (
    <div className="team-page">
      <PageHeading focusKey="unchecked">{text('join.uncheckedTitle')}</PageHeading>
      <p className="banner banner-warning">{failureReason(failure, text)}</p>
      <div className="actions">
        <button type="button" className="button primary" onClick={onRetry}>
          {text('join.retry')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {text('join.continueSolo')}
        </button>
      </div>
    </div>
  );
}
