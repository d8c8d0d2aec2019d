import type { SyncNotice } from '../../adapters/team-sync';
import { useI18n } from '../../i18n/i18n-context';
import { useTeamText } from '../../i18n/team-text';
import { problemLine } from '../../i18n/problem-text';
import './team-panels.css';

/** What the sync did that the user must hear of (a kept copy, a deletion elsewhere), until dismissed. */
export function TeamNotices({
  notices,
  onDismiss,
}: {
  notices: readonly SyncNotice[];
  onDismiss: (notice: SyncNotice) => void;
}) {
  const { lang } = useI18n();
  const text = useTeamText();
  if (notices.length === 0) return null;
  const textOf = (notice: SyncNotice) => {
    switch (notice.kind) {
      case 'kept-copy':
        return text(
          notice.reason === 'submitted' ? 'sync.notice.keptCopySubmitted' : 'sync.notice.keptCopy',
          {
            company: notice.company,
          },
        );
      case 'deleted-on-server':
        return text('sync.notice.deleted', { company: notice.company });
      case 'unreadable':
        return text('sync.notice.unreadable', {
          problem: notice.problems[0] === undefined ? '' : problemLine(notice.problems[0], lang),
        });
    }
  };
  return (
    <section className="team-notices" aria-label={text('sync.notices')} data-testid="sync-notices">
      {notices.map((notice, i) => (
        <div className="banner banner-info" role="status" key={`${notice.kind}-${notice.id}-${i}`}>
          <p>{textOf(notice)}</p>
          <button
            type="button"
            className="button secondary small"
            onClick={() => onDismiss(notice)}
          >
            {text('sync.notice.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
