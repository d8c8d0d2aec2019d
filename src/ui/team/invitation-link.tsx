import { useEffect, useId, useRef, useState } from 'react';
import type { Invitation } from '../../adapters/team-api';
import { useI18n } from '../../i18n/i18n-context';
import { useTeamText } from '../../i18n/team-text';

type Copied = 'no' | 'yes' | 'manual';

/**
 * A new invitation: the link to pass on by hand, with a copy button, and
 * what the person opening it gets. It is shown once; the server keeps only
 * its hash.
 */
export function InvitationLink({ invitation }: { invitation: Invitation }) {
  const text = useTeamText();
  const { locale } = useI18n();
  const titleId = useId();
  const inputId = useId();
  const title = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<Copied>('no');
  const expiry = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(invitation.expiresAt),
  );

  // A new link replaces the old one: the owner's attention moves to it.
  useEffect(() => {
    title.current?.focus();
  }, [invitation]);

  const copy = async () => {
    try {
      if (navigator.clipboard === undefined) throw new Error('no clipboard');
      await navigator.clipboard.writeText(invitation.link);
      setCopied('yes');
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopied('manual');
    }
  };

  return (
    <section className="team-invitation" aria-labelledby={titleId} data-testid="invitation-link">
      <h3 id={titleId} ref={title} tabIndex={-1}>
        {invitation.role === 'founder'
          ? text('invite.linkForFounder', { deal: invitation.deal ?? '' })
          : text(invitation.role === 'owner' ? 'invite.linkForOwner' : 'invite.linkForPartner')}
      </h3>
      <div className="field">
        <label htmlFor={inputId}>{text('invite.link')}</label>
        <div className="team-link-row">
          <input
            ref={input}
            id={inputId}
            className="team-link-input"
            type="text"
            readOnly
            value={invitation.link}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button primary small" onClick={() => void copy()}>
            {text('invite.copy')}
          </button>
        </div>
      </div>
      <div role="status" className="team-progress">
        {copied === 'yes' && text('invite.copied')}
        {copied === 'manual' && text('invite.copyManual')}
      </div>
      <p className="banner banner-warning team-once">{text('invite.once', { date: expiry })}</p>
    </section>
  );
}
