import { useState } from 'react';
import type { TeamDeal, TeamResult } from '../../adapters/team-api';
import { failureReason } from './failure-text';
import { useTeamText } from '../../i18n/team-text';
import './team-panels.css';
import { ConfirmGroup } from './confirm-group';

interface Props {
  company: string;
  deal: TeamDeal;
  /** Owners may reveal a deal to every partner. */
  canReveal: boolean;
  onReveal: () => Promise<TeamResult<null>>;
}

/**
 * The deal as the team server sees it: how many rate it and how many have
 * submitted, whether blind scoring still hides the others' work from this
 * member, and (for owners) revealing it, after a confirmation.
 */
export function DealTeamStatus({ company, deal, canReveal, onReveal }: Props) {
  const text = useTeamText();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reveal = async () => {
    setBusy(true);
    setError(null);
    const result = await onReveal();
    setBusy(false);
    setConfirming(false);
    if (!result.ok) {
      setError(text('sync.deal.revealFailed', { message: failureReason(result.failure, text) }));
    }
  };

  return (
    <section
      className="team-panel"
      aria-label={text('sync.panel.title')}
      data-testid="deal-team-status"
    >
      {deal.raters !== null && (
        <p>{text('sync.deal.counts', { raters: deal.raters, submitted: deal.submitted ?? 0 })}</p>
      )}
      <p role="status">
        {deal.revealedAt !== null
          ? text('sync.deal.revealed')
          : deal.othersVisible
            ? null
            : text('sync.deal.blind')}
      </p>
      {canReveal && deal.revealedAt === null && !confirming && (
        <button
          type="button"
          className="button secondary small"
          onClick={() => setConfirming(true)}
        >
          {text('sync.deal.reveal')}
        </button>
      )}
      {confirming && (
        <ConfirmGroup
          id="reveal-confirm"
          question={text('sync.deal.revealConfirm', { company })}
          yes={text('sync.deal.revealYes')}
          cancel={text('sync.panel.cancel')}
          busy={busy}
          onYes={() => void reveal()}
          onCancel={() => setConfirming(false)}
        />
      )}
      {error !== null && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
