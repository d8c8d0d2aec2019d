import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { TeamApi, TeamFailure, TeamMember } from '../../adapters/team-api';
import { useI18n } from '../../i18n/i18n-context';
import { aside } from '../../i18n/punctuation';
import { useTeamText, type TeamText } from '../../i18n/team-text';
import { failureReason } from './failure-text';

type Listed = TeamMember & { createdAt: string };

/** What the last removal came to, worded at render time so a language switch rewords it. */
type Outcome =
  | { kind: 'removed'; name: string }
  | { kind: 'last-owner'; name: string }
  | { kind: 'already-gone'; name: string }
  | { kind: 'failed'; name: string; failure: TeamFailure };

interface Props {
  api: TeamApi;
  /** The owner looking: they cannot remove themselves here. */
  viewer: TeamMember;
  /** A member was removed (and logged). */
  onRemoved: () => void;
}

/** Who is in the team, and removing someone after naming them back to the owner. */
export function MembersPanel({ api, viewer, onRemoved }: Props) {
  const text = useTeamText();
  const { lang, locale } = useI18n();
  const titleId = useId();
  const questionId = useId();
  const [members, setMembers] = useState<Listed[] | null>(null);
  const [loadFailure, setLoadFailure] = useState<TeamFailure | null>(null);
  const [confirming, setConfirming] = useState<Listed | null>(null);
  const [removing, setRemoving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const removeButtons = useRef(new Map<string, HTMLButtonElement>());
  const question = useRef<HTMLParagraphElement>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });

  /** Keeps the list on screen when a refresh fails: an old list beats none. */
  const load = useCallback(async () => {
    const result = await api.members();
    if (result.ok) {
      setMembers(result.value.members);
      setLoadFailure(null);
    } else {
      setLoadFailure(result.failure);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (confirming !== null) question.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (outcome !== null) outcomeRef.current?.focus();
  }, [outcome]);

  const cancel = () => {
    const id = confirming?.id;
    setConfirming(null);
    if (id !== undefined) removeButtons.current.get(id)?.focus();
  };

  const remove = async (member: Listed) => {
    setRemoving(true);
    const result = await api.removeMember(member.id);
    setRemoving(false);
    setConfirming(null);
    const name = member.username;
    if (result.ok) {
      setOutcome({ kind: 'removed', name });
      onRemoved();
      await load();
    } else if (result.failure.kind === 'conflict') {
      setOutcome({ kind: 'last-owner', name });
    } else if (result.failure.kind === 'not-found') {
      setOutcome({ kind: 'already-gone', name });
      await load();
    } else {
      setOutcome({ kind: 'failed', name, failure: result.failure });
    }
  };

  return (
    <section className="team-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{text('members.title')}</h2>
      {members === null && loadFailure === null && <p role="status">{text('members.loading')}</p>}
      {loadFailure !== null && (
        <div className="banner banner-warning" role="alert">
          <p>{text('members.loadFailed', { reason: failureReason(loadFailure, text) })}</p>
          <button type="button" className="button secondary small" onClick={() => void load()}>
            {text('team.retry')}
          </button>
        </div>
      )}
      {outcome !== null && (
        <p
          ref={outcomeRef}
          tabIndex={-1}
          className={`banner ${outcome.kind === 'removed' ? 'banner-info' : 'banner-warning'}`}
          role={outcome.kind === 'removed' ? 'status' : 'alert'}
          data-testid="member-outcome"
        >
          {outcomeText(outcome, text)}
        </p>
      )}

      {members !== null && (
        // Focusable, so a keyboard can scroll a table wider than a phone.
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={text('members.caption')}
        >
          <table className="team-table team-members" data-testid="members">
            <caption className="visually-hidden">{text('members.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{text('members.username')}</th>
                <th scope="col">{text('members.role')}</th>
                <th scope="col">{text('members.deal')}</th>
                <th scope="col">{text('members.joined')}</th>
                <th scope="col">
                  <span className="visually-hidden">{text('members.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <th scope="row">
                    {member.username}
                    {member.id === viewer.id && (
                      <span className="team-you">{aside(lang, text('members.you'))}</span>
                    )}
                  </th>
                  <td>{text(`role.${member.role}`)}</td>
                  <td>{member.deal ?? '—'}</td>
                  <td>
                    <time dateTime={member.createdAt}>
                      {date.format(new Date(member.createdAt))}
                    </time>
                  </td>
                  <td>
                    {member.id !== viewer.id && (
                      <button
                        type="button"
                        className="link-button danger"
                        ref={(button) => {
                          if (button === null) removeButtons.current.delete(member.id);
                          else removeButtons.current.set(member.id, button);
                        }}
                        aria-label={text('members.removeNamed', { name: member.username })}
                        onClick={() => {
                          setOutcome(null);
                          setConfirming(member);
                        }}
                      >
                        {text('members.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {confirming !== null && (
        <div className="team-confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId} ref={question} tabIndex={-1}>
            <strong>{text('members.confirm', { name: confirming.username })}</strong>
          </p>
          <div className="team-confirm-actions">
            <button
              type="button"
              className="button secondary danger small"
              disabled={removing}
              onClick={() => void remove(confirming)}
            >
              {text('members.confirmYes', { name: confirming.username })}
            </button>
            <button type="button" className="button secondary small" onClick={cancel}>
              {text('team.cancel')}
            </button>
          </div>
          <p role="status" className="team-progress">
            {removing ? text('members.removing', { name: confirming.username }) : ''}
          </p>
        </div>
      )}
    </section>
  );
}

function outcomeText(outcome: Outcome, text: TeamText): string {
  switch (outcome.kind) {
    case 'removed':
      return text('members.removed', { name: outcome.name });
    case 'last-owner':
      return text('members.lastOwner', { name: outcome.name });
    case 'already-gone':
      return text('members.alreadyGone', { name: outcome.name });
    case 'failed':
      return text('members.removeFailed', {
        name: outcome.name,
        reason: failureReason(outcome.failure, text),
      });
  }
}
