import { useId, useRef, useState, type FormEvent } from 'react';
import type { Invitation, TeamApi, TeamFailure, TeamRole } from '../../adapters/team-api';
import { dealKeyOf } from '../../core/deal-key';
import { useI18n } from '../../i18n/i18n-context';
import { useTeamText } from '../../i18n/team-text';
import { failureReason } from './failure-text';
import { InvitationLink } from './invitation-link';

/** Partner first: the usual invitation, and the least power if chosen without a thought. */
const ROLE_CHOICES: TeamRole[] = ['partner', 'founder', 'owner'];

interface Props {
  api: TeamApi;
  /** An invitation was made (and logged). */
  onInvited: () => void;
}

/** Role, a founder's deal, and the one-time link the server makes for them. */
export function InvitePanel({ api, onInvited }: Props) {
  const text = useTeamText();
  const { t } = useI18n();
  const titleId = useId();
  const dealInput = useRef<HTMLInputElement>(null);
  const [role, setRole] = useState<TeamRole>('partner');
  const [deal, setDeal] = useState('');
  const [dealMissing, setDealMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<TeamFailure | null>(null);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  // Typed as a company name ("DeepLake AI"), a deal key is what the app would file it under.
  const dealKey = dealKeyOf(deal);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    if (role === 'founder' && dealKey === '') {
      setDealMissing(true);
      dealInput.current?.focus();
      return;
    }
    setDealMissing(false);
    setBusy(true);
    const result = await api.invite(role, role === 'founder' ? dealKey : undefined);
    setBusy(false);
    if (result.ok) {
      setInvitation(result.value);
      onInvited();
    } else {
      setFailure(result.failure);
    }
  };

  return (
    <section className="team-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{text('invite.title')}</h2>
      <p>{text('invite.lead')}</p>
      <form className="team-form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="invite-role">{text('invite.role')}</label>
          <p className="hint" id="invite-role-hint">
            {text(`invite.roleHint.${role}`)}
          </p>
          <select
            id="invite-role"
            value={role}
            aria-describedby="invite-role-hint"
            onChange={(event) => {
              setRole(event.target.value as TeamRole);
              setDealMissing(false);
            }}
          >
            {ROLE_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {text(`role.${choice}`)}
              </option>
            ))}
          </select>
        </div>
        {role === 'founder' && (
          <div className={`field${dealMissing ? ' has-error' : ''}`}>
            <label htmlFor="invite-deal">{text('invite.deal')}</label>
            <p className="hint" id="invite-deal-hint">
              {text('invite.dealHint')}
            </p>
            {dealMissing && (
              <p className="field-error" id="invite-deal-error">
                <span className="visually-hidden">{t('error.prefix')}</span>
                {text('invite.dealMissing')}
              </p>
            )}
            <input
              ref={dealInput}
              id="invite-deal"
              type="text"
              value={deal}
              spellCheck={false}
              autoCapitalize="none"
              aria-invalid={dealMissing ? true : undefined}
              aria-describedby={`invite-deal-hint${dealMissing ? ' invite-deal-error' : ''}`}
              onChange={(event) => setDeal(event.target.value)}
            />
            {dealKey !== '' && dealKey !== deal.trim() && (
              <p className="hint team-deal-key" aria-live="polite">
                {text('invite.dealKeyWillBe', { key: dealKey })}
              </p>
            )}
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {text('invite.submit')}
          </button>
        </div>
      </form>
      <div role="status" className="team-progress">
        {busy && text('invite.working')}
      </div>
      {failure !== null && (
        <p className="banner banner-warning" role="alert">
          {text('invite.failed', { reason: failureReason(failure, text) })}
        </p>
      )}
      {invitation !== null && <InvitationLink key={invitation.link} invitation={invitation} />}
    </section>
  );
}
