import { useState } from 'react';
import type { SyncRecord } from '../../adapters/sync-record';
import type { SubmitOutcome } from '../../adapters/team-sync';
import { useI18n } from '../../i18n/i18n-context';
import { LOCALES } from '../../i18n/t';
import { problemLine } from '../../i18n/problem-text';
import { failureReason } from './failure-text';
import { useTeamText } from '../../i18n/team-text';
import './team-panels.css';
import { ConfirmGroup } from './confirm-group';

interface Props {
  company: string;
  answered: number;
  total: number;
  /** This assessment's place on the team server; undefined while it is on this device only. */
  record: SyncRecord | undefined;
  onSend: () => void;
  onSubmit: () => Promise<SubmitOutcome>;
}

/**
 * Where the open assessment stands with the team: on this device only (and
 * a button to send it), waiting to be sent, saved, refused, submitted; and
 * submitting it, which is final, after a confirmation.
 */
export function TeamAssessmentPanel({ company, answered, total, record, onSend, onSubmit }: Props) {
  const { lang } = useI18n();
  const text = useTeamText();
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    const outcome = await onSubmit();
    setSubmitting(false);
    setConfirming(false);
    if (!outcome.ok) setError(failureReason(outcome.failure, text));
  };

  let status: string;
  if (record === undefined) status = text('sync.panel.local');
  else if (!record.own) {
    status = text('sync.panel.theirs', {
      name: record.author.username,
      date: date(record.submittedAt ?? ''),
    });
  } else if (record.submittedAt !== null)
    status = text('sync.panel.submitted', { date: date(record.submittedAt) });
  else if (record.refused !== null)
    status = text('sync.panel.refused', {
      // The problems in the reader's language where the server gave them, else its own sentence.
      message:
        record.refused.problems.length > 0
          ? record.refused.problems.map((p) => problemLine(p, lang)).join('; ')
          : record.refused.message,
    });
  else if (record.outgoing !== null || record.revision === 0) status = text('sync.panel.waiting');
  else status = text('sync.panel.saved');

  const canSubmit = record?.own === true && record.submittedAt === null;
  const complete = answered === total;

  return (
    <section
      className="team-panel no-print"
      aria-labelledby="team-panel-title"
      data-testid="team-panel"
    >
      <h2 id="team-panel-title">{text('sync.panel.title')}</h2>
      <p role="status">{status}</p>
      {record === undefined && (
        <button type="button" className="button secondary" onClick={onSend}>
          {text('sync.panel.send')}
        </button>
      )}
      {canSubmit && !confirming && (
        <>
          <p className="hint">
            {complete
              ? text('sync.panel.submitHint')
              : text('sync.panel.incomplete', { answered, total })}
          </p>
          <button
            type="button"
            className="button primary"
            disabled={!complete}
            onClick={() => setConfirming(true)}
          >
            {text('sync.panel.submit')}
          </button>
        </>
      )}
      {canSubmit && confirming && (
        <ConfirmGroup
          id="team-submit-confirm"
          question={text('sync.panel.confirm', { company })}
          yes={submitting ? text('sync.panel.submitting') : text('sync.panel.confirmYes')}
          cancel={text('sync.panel.cancel')}
          busy={submitting}
          onYes={() => void submit()}
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
