import { LOCALES } from '../../i18n/t';
import { lazy, Suspense } from 'react';
import type { DamagedDraft } from '../../adapters/draft-store';
import type { DraftRecord } from '../../core/draft-record';
import { listCriteria } from '../../core/rubric-index';
import { useI18n } from '../../i18n/i18n-context';

// Rare, and it brings the problem wording: not part of the first screen's code.
const DamagedRecords = lazy(() => import('../components/damaged-records'));

interface Props {
  drafts: DraftRecord[];
  damaged: DamagedDraft[];
  onResume: (draft: DraftRecord) => void;
}

/** Saved drafts to pick up again, and any saved record that could not be read. */
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
          {drafts.map((draft) => {
            const { assessment } = draft;
            const total = listCriteria(assessment.rubric).length;
            const answered = Object.keys(assessment.answers).length;
            const name = assessment.company.name || t('drafts.unnamed');
            return (
              <li key={assessment.id}>
                <div>
                  <strong>{name}</strong>
                  <span className="meta">
                    {assessment.evaluator.name} · {t(`role.${assessment.evaluator.role}`)} ·{' '}
                    {t('drafts.progress', { answered, total })} ·{' '}
                    {t('drafts.saved', { date: date.format(new Date(draft.savedAt)) })}
                  </span>
                </div>
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => onResume(draft)}
                  aria-label={t('drafts.resumeNamed', { name })}
                >
                  {t('drafts.resume')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
