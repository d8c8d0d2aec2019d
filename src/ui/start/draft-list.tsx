import { LOCALES } from '../../i18n/t';
import { lazy, Suspense } from 'react';
import type { DamagedRecord } from '../../adapters/assessment-db';
import type { AssessmentSummary } from '../../core/assessment-summary';
import { useI18n } from '../../i18n/i18n-context';

// Rare, and it brings the problem wording: not part of the first screen's code.
const DamagedRecords = lazy(() => import('../components/damaged-records'));

/** The start screen shows the latest few; the library has them all. */
const SHOWN_DRAFTS = 5;

interface Props {
  /** Newest first. */
  drafts: readonly AssessmentSummary[];
  damaged: readonly DamagedRecord[];
  onResume: (id: string) => void;
}

/** The latest saved assessments to pick up again, and any saved record that could not be read. */
export function DraftList({ drafts, damaged, onResume }: Props) {
  const { t, lang } = useI18n();
  const date = new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <section className="drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t('drafts.title')}</h2>
      {damaged.length > 0 && (
        <div className="banner banner-warning" role="status">
          <strong>
            {damaged.length === 1
              ? t('drafts.damagedTitleOne')
              : t('drafts.damagedTitleMany', { count: damaged.length })}
          </strong>{' '}
          {t('drafts.damagedText')}
          <Suspense fallback={null}>
            <DamagedRecords damaged={damaged} />
          </Suspense>
        </div>
      )}
      {drafts.length > 0 && (
        <ul className="draft-list">
          {drafts.slice(0, SHOWN_DRAFTS).map((draft) => {
            const name = draft.company.name || t('drafts.unnamed');
            return (
              <li key={draft.id}>
                <div>
                  <strong>{name}</strong>
                  <span className="meta">
                    {draft.evaluator.name} · {t(`role.${draft.evaluator.role}`)} ·{' '}
                    {t('drafts.progress', {
                      answered: draft.answeredCount,
                      total: draft.totalCount,
                    })}{' '}
                    · {t('drafts.saved', { date: date.format(new Date(draft.savedAt)) })}
                  </span>
                </div>
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => onResume(draft.id)}
                  aria-label={t('drafts.resumeNamed', { name })}
                >
                  {t('drafts.resume')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {drafts.length > SHOWN_DRAFTS && (
        <p className="hint">{t('drafts.more', { count: drafts.length - SHOWN_DRAFTS })}</p>
      )}
    </section>
  );
}
