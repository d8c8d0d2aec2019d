import { useState } from 'react';
import type { SyncRecord } from '../../adapters/sync-record';
import type { SubmitOutcome } from '../../adapters/team-sync';
import { useI18n } from '../../i18n/i18n-context';
import { LOCALES } from '../../i18n/t';
import { teamFailureText } from './team-failure';
import './team-panels.css';

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
  const { t, lang } = useI18n();
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
    if (!outcome.ok) setError(teamFailureText(outcome.failure, t));
  };

  let status: string;
  if (record === undefined) status = t('sync.panel.local');
  else if (!record.own) {
    status = t('sync.panel.theirs', {
      name: record.author.username,
      date: date(record.submittedAt ?? ''),
    });
  } else if (record.submittedAt !== null)
    status = t('sync.panel.submitted', { date: date(record.submittedAt) });
  else if (record.refused !== null)
    status = t('sync.panel.refused', { message: record.refused.message });
  else if (record.outgoing !== null || record.revision === 0) status = t('sync.panel.waiting');
  else status = t('sync.panel.saved');

  const canSubmit = record?.own === true && record.submittedAt === null;
  const complete = answered === total;

  return (
    <section
      className="team-panel no-print"
      aria-labelledby="team-panel-title"
      data-testid="team-panel"
    >
      <h2 id="team-panel-title">{t('sync.panel.title')}</h2>
      <p role="status">{status}</p>
      {record === undefined && (
        <button type="button" className="button secondary" onClick={onSend}>
          {t('sync.panel.send')}
        </button>
      )}
      {canSubmit && !confirming && (
        <>
          <p className="hint">
            {complete
              ? t('sync.panel.submitHint')
              : t('sync.panel.incomplete', { answered, total })}
          </p>
          <button
            type="button"
            className="button primary"
            disabled={!complete}
            onClick={() => setConfirming(true)}
          >
            {t('sync.panel.submit')}
          </button>
        </>
      )}
      {canSubmit && confirming && (
        <div className="confirm" role="group" aria-labelledby="team-submit-confirm">
          <p id="team-submit-confirm">{t('sync.panel.confirm', { company })}</p>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={submitting}
              onClick={() => void submit()}
            >
              {submitting ? t('sync.panel.submitting') : t('sync.panel.confirmYes')}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={submitting}
              onClick={() => setConfirming(false)}
            >
              {t('sync.panel.cancel')}
            </button>
          </div>
        </div>
      )}
      {error !== null && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
