import { useCallback, useEffect, useId, useState } from 'react';
import { downloadFile } from '../../adapters/download-file';
import type { AuditEntry, TeamApi, TeamFailure } from '../../adapters/team-api';
import { exportFileName } from '../../core/file-name';
import { useI18n } from '../../i18n/i18n-context';
import { isTeamMessageKey, useTeamText, type TeamText } from '../../i18n/team-text';
import { failureReason } from './failure-text';

/** Shown on screen; the CSV holds the whole log. */
export const AUDIT_SHOWN = 100;

const BOM = '\uFEFF';

type Download =
  | { kind: 'working' }
  | { kind: 'done'; fileName: string }
  | { kind: 'failed'; failure: TeamFailure };

interface Props {
  api: TeamApi;
  /** Changes when something this screen did was logged, so the table shows it. */
  revision: number;
}

/** The latest entries of the audit log, newest first, and the whole log as CSV. */
export function AuditPanel({ api, revision }: Props) {
  const text = useTeamText();
  const { locale } = useI18n();
  const titleId = useId();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [loadFailure, setLoadFailure] = useState<TeamFailure | null>(null);
  const [download, setDownload] = useState<Download | null>(null);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });

  /** Keeps the entries on screen when a refresh fails. */
  const load = useCallback(async () => {
    const result = await api.audit(AUDIT_SHOWN);
    if (result.ok) {
      setEntries([...result.value.entries].sort((a, b) => b.id - a.id));
      setLoadFailure(null);
    } else {
      setLoadFailure(result.failure);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  const downloadCsv = async () => {
    setDownload({ kind: 'working' });
    const result = await api.auditCsv();
    if (!result.ok) {
      setDownload({ kind: 'failed', failure: result.failure });
      return;
    }
    // Reading the answer as text drops the server's byte-order mark, without which
    // spreadsheet programs read UTF-8 as a local code page and garble 中文 names.
    const csv = result.value.startsWith(BOM) ? result.value : BOM + result.value;
    const fileName = exportFileName('audit', new Date(), 'csv');
    downloadFile(new TextEncoder().encode(csv), fileName, 'text/csv;charset=utf-8');
    setDownload({ kind: 'done', fileName });
    // The export is itself logged.
    await load();
  };

  return (
    <section className="team-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{text('audit.title')}</h2>
      <p>{text('audit.lead', { count: AUDIT_SHOWN })}</p>
      <div className="team-toolbar">
        <button
          type="button"
          className="button secondary small"
          disabled={download?.kind === 'working'}
          onClick={() => void downloadCsv()}
        >
          {text('audit.download')}
        </button>
        <button type="button" className="button secondary small" onClick={() => void load()}>
          {text('audit.refresh')}
        </button>
      </div>
      <div role="status" className="team-progress">
        {download?.kind === 'working' && text('audit.downloading')}
        {download?.kind === 'done' && text('audit.downloaded', { file: download.fileName })}
      </div>
      {download?.kind === 'failed' && (
        <p className="banner banner-warning" role="alert">
          {text('audit.downloadFailed', { reason: failureReason(download.failure, text) })}
        </p>
      )}
      {loadFailure !== null && (
        <p className="banner banner-warning" role="alert">
          {text('audit.loadFailed', { reason: failureReason(loadFailure, text) })}
        </p>
      )}
      {entries === null && loadFailure === null && <p role="status">{text('audit.loading')}</p>}
      {entries !== null && entries.length === 0 && <p className="empty">{text('audit.empty')}</p>}
      {entries !== null && entries.length > 0 && (
        // Focusable, so a keyboard can scroll a table wider than a phone.
        <div className="table-scroll" tabIndex={0} role="region" aria-label={text('audit.caption')}>
          <table className="team-table team-audit" data-testid="audit">
            <caption className="visually-hidden">{text('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{text('audit.time')}</th>
                <th scope="col">{text('audit.who')}</th>
                <th scope="col">{text('audit.action')}</th>
                <th scope="col">{text('audit.what')}</th>
                <th scope="col">{text('audit.deal')}</th>
                <th scope="col">{text('audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="team-nowrap">
                    <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time>
                  </td>
                  <td>{entry.actorId === null ? text('audit.commandLine') : entry.actor}</td>
                  <td>{wordFor(text, 'audit.action.', entry.action)}</td>
                  <td>
                    {wordFor(text, 'audit.target.', entry.targetType)}
                    {entry.targetId !== null && <span className="team-id"> {entry.targetId}</span>}
                  </td>
                  <td>{entry.deal ?? '—'}</td>
                  <td>{entry.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The word for a value the server names; a value this app does not know yet shows as it came. */
function wordFor(text: TeamText, prefix: 'audit.action.' | 'audit.target.', value: string) {
  const key = `${prefix}${value}`;
  return isTeamMessageKey(key) ? text(key) : value;
}
