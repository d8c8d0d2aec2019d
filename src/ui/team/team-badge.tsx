import { useEffect, useId, useRef, useState } from 'react';
import type { TeamMember } from '../../adapters/team-api';
import type { Connection } from '../../adapters/team-sync';
import { useTeamText, type TeamMessageKey, type TeamText } from '../../i18n/team-text';
import './team-badge.css';

interface Props {
  member: TeamMember;
  connection: Connection;
  /** Changes kept on this device that the server has not yet received. */
  queued: number;
  onOpenTeam: () => void;
  onSignOut: () => void;
}

/**
 * Who is signed in and whether the work has reached the server, in the header.
 * When it has not, it says where the work is (on this device) and what will
 * send it, so nobody wonders whether anything was lost. Team and Sign out sit
 * behind the name, so the header keeps to one line.
 */
export function TeamBadge({ member, connection, queued, onOpenTeam, onSignOut }: Props) {
  const text = useTeamText();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const badge = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!badge.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const choose = (action: () => void) => () => {
    setOpen(false);
    action();
  };

  return (
    <div
      ref={badge}
      className="team-badge"
      role="group"
      aria-label={text('badge.label')}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          toggle.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="team-badge-who"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="team-badge-name">{member.username}</span>{' '}
        <span className="team-badge-role">{text(`role.${member.role}`)}</span>
        <span className="visually-hidden">{text('badge.menu')}</span>
      </button>
      <span role="status" data-testid="sync-status" className={`team-sync team-sync-${connection}`}>
        {syncStatus(text, connection, queued)}
      </span>
      <ul id={menuId} className="team-badge-menu" hidden={!open}>
        {member.role === 'owner' && (
          <li>
            <button type="button" onClick={choose(onOpenTeam)}>
              {text('badge.team')}
            </button>
          </li>
        )}
        <li>
          <button type="button" onClick={choose(onSignOut)}>
            {text('badge.signOut')}
          </button>
        </li>
      </ul>
    </div>
  );
}

type Counted = readonly [nothing: TeamMessageKey, one: TeamMessageKey, many: TeamMessageKey];

const STATUS: Record<Connection, Counted> = {
  online: ['badge.synced', 'badge.sending.one', 'badge.sending.other'],
  syncing: ['badge.syncing', 'badge.sending.one', 'badge.sending.other'],
  offline: ['badge.offline', 'badge.offlineQueued.one', 'badge.offlineQueued.other'],
  unavailable: [
    'badge.unavailable',
    'badge.unavailableQueued.one',
    'badge.unavailableQueued.other',
  ],
  'signed-out': ['badge.signedOut', 'badge.signedOutQueued.one', 'badge.signedOutQueued.other'],
};

/** Connected with changes still queued means they are on their way: "sending", not "synced". */
function syncStatus(text: TeamText, connection: Connection, queued: number): string {
  const [nothing, one, many] = STATUS[connection];
  if (queued <= 0) return text(nothing);
  return text(queued === 1 ? one : many, { count: queued });
}
