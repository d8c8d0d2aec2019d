import { useEffect, useId, useRef, useState } from 'react';
import type { TeamApi, TeamFailure } from '../../adapters/team-api';
import { useTeamText } from '../../i18n/team-text';
import { failureReason } from './failure-text';

interface Props {
  api: TeamApi;
  /** Every session has ended, this browser's too. */
  onSignedOutEverywhere: () => void;
}

/** Ends every session of the owner: for a lost laptop or a password seen by someone else. */
export function SignOutEverywhere({ api, onSignedOutEverywhere }: Props) {
  const text = useTeamText();
  const titleId = useId();
  const questionId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<TeamFailure | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  const signOut = async () => {
    setBusy(true);
    setFailure(null);
    const result = await api.signOutEverywhere();
    if (result.ok) {
      onSignedOutEverywhere();
      return;
    }
    setBusy(false);
    setFailure(result.failure);
  };

  return (
    <section className="team-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{text('everywhere.title')}</h2>
      <p>{text('everywhere.lead')}</p>
      <button
        ref={opener}
        type="button"
        className="button secondary danger"
        aria-expanded={confirming}
        disabled={busy}
        onClick={() => setConfirming(true)}
      >
        {text('everywhere.button')}
      </button>
      {confirming && (
        <div className="team-confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId} ref={question} tabIndex={-1}>
            <strong>{text('everywhere.confirm')}</strong>
          </p>
          <div className="team-confirm-actions">
            <button
              type="button"
              className="button secondary danger small"
              disabled={busy}
              onClick={() => void signOut()}
            >
              {text('everywhere.confirmYes')}
            </button>
            <button
              type="button"
              className="button secondary small"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                setFailure(null);
                opener.current?.focus();
              }}
            >
              {text('team.cancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status" className="team-progress">
        {busy ? text('everywhere.working') : ''}
      </p>
      {failure !== null && (
        <p className="banner banner-warning" role="alert">
          {text('everywhere.failed', { reason: failureReason(failure, text) })}
        </p>
      )}
    </section>
  );
}
