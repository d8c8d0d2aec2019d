import { useState } from 'react';
import type { TeamApi, TeamMember } from '../../adapters/team-api';
import { useTeamText } from '../../i18n/team-text';
import { PageHeading } from '../components/page-heading';
import { useDocumentTitle } from '../components/use-document-title';
import { AuditPanel } from './audit-panel';
import { InvitePanel } from './invite-panel';
import { MembersPanel } from './members-panel';
import { SignOutEverywhere } from './sign-out-everywhere';
import './team.css';

interface Props {
  api: TeamApi;
  /** The owner looking at the screen. */
  member: TeamMember;
  onSignedOutEverywhere: () => void;
}

/** An owner's page: invite, see and remove members, read the audit log, end every session. */
export default function TeamScreen({ api, member, onSignedOutEverywhere }: Props) {
  const text = useTeamText();
  // Inviting and removing are logged: the audit table reloads after each.
  const [logged, setLogged] = useState(0);
  const changed = () => setLogged((n) => n + 1);
  useDocumentTitle(text('team.title'));
  return (
    <div className="team-page team-admin">
      <PageHeading caption={text('team.signedInAs', { name: member.username })}>
        {text('team.title')}
      </PageHeading>
      <InvitePanel api={api} onInvited={changed} />
      <MembersPanel api={api} viewer={member} onRemoved={changed} />
      <AuditPanel api={api} revision={logged} />
      <SignOutEverywhere api={api} onSignedOutEverywhere={onSignedOutEverywhere} />
    </div>
  );
}
