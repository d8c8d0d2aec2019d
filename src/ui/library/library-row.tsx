import { useState } from 'react';
import type { AssessmentSummary } from '../../core/assessment-summary';
import { MAX_NAME_LENGTH } from '../../core/vocabulary';
import { useI18n } from '../../i18n/i18n-context';
import { formatScore } from '../../i18n/t';

interface Props {
  entry: AssessmentSummary;
  selected: boolean;
  dateFormat: Intl.DateTimeFormat;
  onToggle: () => void;
  onOpen: () => void;
  onDuplicate: () => void;
  onRename: (name: string) => void;
  onExport: () => void;
  onDelete: () => void;
}

/** One saved assessment in the library: who and what, its score, and what can be done with it. */
export function LibraryRow({
  entry,
  selected,
  dateFormat,
  onToggle,
  onOpen,
  onDuplicate,
  onRename,
  onExport,
  onDelete,
}: Props) {
  const { t, local } = useI18n();
  const [renaming, setRenaming] = useState<string | null>(null);
  const name = entry.company.name || t('drafts.unnamed');
  const complete = entry.answeredCount === entry.totalCount;
  return (
    <li className="library-row" data-testid="library-row">
      <input
        type="checkbox"
        checked={selected}
        onChange={onToggle}
        aria-label={t('library.select', { name })}
      />
      <div className="library-main">
        {renaming !== null ? (
          <form
            className="rename"
            onSubmit={(event) => {
              event.preventDefault();
              onRename(renaming.trim());
              setRenaming(null);
            }}
          >
            <label htmlFor={`rename-${entry.id}`} className="visually-hidden">
              {t('library.newName')}
            </label>
            <input
              id={`rename-${entry.id}`}
              value={renaming}
              maxLength={MAX_NAME_LENGTH}
              onChange={(event) => setRenaming(event.target.value)}
            />
            <button type="submit" className="button secondary small">
              {t('library.save')}
            </button>
            <button type="button" className="link-button" onClick={() => setRenaming(null)}>
              {t('library.cancel')}
            </button>
          </form>
        ) : (
          <strong className="library-company">{name}</strong>
        )}
        <span className="meta">
          {entry.evaluator.name} · {t(`role.${entry.evaluator.role}`)} · {local(entry.rubric.name)}{' '}
          · {dateFormat.format(new Date(entry.updatedAt))}
        </span>
      </div>
      <div className="library-score">
        <span className="library-overall">{formatScore(entry.overall)}</span>
        {entry.verdict !== null && (
          <span className={`library-verdict${entry.verdict.capped ? ' danger' : ''}`}>
            {local(entry.verdict.band.label)}
          </span>
        )}
        <span className="meta">
          {complete
            ? t('library.complete')
            : t('library.partial', { answered: entry.answeredCount, total: entry.totalCount })}
        </span>
      </div>
      <div className="library-actions">
        <button
          type="button"
          className="button secondary small"
          onClick={onOpen}
          aria-label={t('library.openNamed', { name })}
        >
          {t('library.open')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={onDuplicate}
          aria-label={t('library.duplicateNamed', { name })}
        >
          {t('library.duplicate')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => setRenaming(entry.company.name)}
          aria-label={t('library.renameNamed', { name })}
        >
          {t('library.rename')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={onExport}
          aria-label={t('library.exportNamed', { name })}
        >
          {t('library.export')}
        </button>
        <button
          type="button"
          className="link-button danger"
          onClick={onDelete}
          aria-label={t('library.deleteNamed', { name })}
        >
          {t('library.delete')}
        </button>
      </div>
    </li>
  );
}
