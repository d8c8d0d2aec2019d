import { useEffect, useState } from 'react';
import type { ImportOutcome } from '../../adapters/import-assessments';
import { openShareFragment, type OpenedShare, type ShareFailure } from '../../adapters/share-link';
import { listCriteria } from '../../core/rubric-index';
import type { Assessment } from '../../core/schema';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/t';
import { ImportOutcomeNotice } from '../components/import-outcome-notice';
import { PageHeading } from '../components/page-heading';
import { ProblemList } from '../components/problem-list';
import { useDocumentTitle } from '../components/use-document-title';
import './share.css';

interface Props {
  /** `location.hash` as the app found it at startup. */
  fragment: string;
  /** Ids already in this browser (readable or not): those are announced as "added as a copy". */
  existingIds: ReadonlySet<string>;
  /**
   * Called only on an explicit click; the caller stores (copying clashing ids)
   * and moves on when something was kept. A refusal is shown here, and the
   * user can free space and try again.
   */
  onImport: (assessments: Assessment[]) => Promise<ImportOutcome>;
  onDismiss: () => void;
}

const REASON_KEYS: Record<ShareFailure, MessageKey> = {
  'not-a-share-link': 'share.reason.notAShareLink',
  malformed: 'share.reason.malformed',
  'unsupported-version': 'share.reason.unsupportedVersion',
  'wrong-key-or-damaged': 'share.reason.wrongKeyOrDamaged',
  'over-limit': 'share.reason.overLimit',
  'invalid-content': 'share.reason.invalidContent',
  'unsupported-browser': 'share.reason.unsupportedBrowser',
};

/**
 * Opens a share link in this browser and shows what it holds before anything
 * is saved; imports only on "Import". A damaged link or a wrong key says why
 * and imports nothing.
 */
export function ShareImport({ fragment, existingIds, onImport, onDismiss }: Props) {
  const { t } = useI18n();
  const [result, setResult] = useState<{ fragment: string; opened: OpenedShare } | null>(null);
  const [importing, setImporting] = useState<{
    fragment: string;
    outcome: ImportOutcome | null;
  } | null>(null);

  useEffect(() => {
    let live = true;
    void openShareFragment(fragment).then((opened) => {
      if (live) setResult({ fragment, opened });
    });
    return () => {
      live = false;
    };
  }, [fragment]);

  // A result for another fragment is stale: show "opening" until this one is read.
  const opened = result?.fragment === fragment ? result.opened : null;
  const attempt = importing?.fragment === fragment ? importing : null;
  const busy = attempt !== null && attempt.outcome === null;

  const title =
    opened === null
      ? t('share.openingTitle')
      : !opened.ok
        ? t('share.failedTitle')
        : opened.content.kind === 'deal'
          ? t('share.dealTitle', { count: opened.content.assessments.length })
          : t('share.assessmentTitle');
  useDocumentTitle(title, opened !== null && !opened.ok);

  const focusKey = opened === null ? 'opening' : opened.ok ? 'opened' : 'failed';

  return (
    <section className="share-import" data-testid="share-import">
      <PageHeading focusKey={focusKey}>{title}</PageHeading>

      {opened === null && (
        <p role="status" className="loading">
          {t('share.opening')}
        </p>
      )}

      {opened !== null && !opened.ok && (
        <div className="error-summary share-error" role="alert" data-testid="share-error">
          <p>{t(REASON_KEYS[opened.reason])}</p>
          {opened.problems.length > 0 && <ProblemList problems={opened.problems} />}
          <p>{t('share.nothingImported')}</p>
        </div>
      )}
      {opened !== null && !opened.ok && (
        <div className="actions">
          <button type="button" className="button secondary" onClick={onDismiss}>
            {t('share.close')}
          </button>
        </div>
      )}

      {opened !== null && opened.ok && (
        <>
          <p className="banner banner-info" role="status">
            {t('share.notSaved')}
          </p>
          {attempt?.outcome != null && <ImportOutcomeNotice outcome={attempt.outcome} />}
          <ul className="share-list" aria-label={t('share.contents')}>
            {opened.content.assessments.map((assessment, i) => (
              <SharedItem
                key={`${assessment.id}-${i}`}
                assessment={assessment}
                exists={existingIds.has(assessment.id)}
              />
            ))}
          </ul>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => {
                setImporting({ fragment, outcome: null });
                void onImport(opened.content.assessments).then((outcome) =>
                  setImporting({ fragment, outcome }),
                );
              }}
            >
              {t('share.import')}
            </button>
            <button type="button" className="button secondary" onClick={onDismiss}>
              {t('share.dismiss')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function SharedItem({ assessment, exists }: { assessment: Assessment; exists: boolean }) {
  const { t, local } = useI18n();
  const { company, evaluator } = assessment;
  const total = listCriteria(assessment.rubric).length;
  const answered = Object.keys(assessment.answers).length;
  return (
    <li className="share-item" data-testid="share-item">
      <h2 className="share-company">{company.name.trim() || t('share.noName')}</h2>
      <dl className="share-facts">
        <div>
          <dt>{t('share.evaluator')}</dt>
          <dd>
            {evaluator.name.trim() || t('share.noName')} · {t(`role.${evaluator.role}`)}
          </dd>
        </div>
        <div>
          <dt>{t('share.answers')}</dt>
          <dd>{t('share.answered', { answered, total })}</dd>
        </div>
        <div>
          <dt>{t('share.rubric')}</dt>
          <dd>{local(assessment.rubric.name)}</dd>
        </div>
      </dl>
      {exists && <p className="share-copy-note">{t('share.willCopy')}</p>}
    </li>
  );
}
