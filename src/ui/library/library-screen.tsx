import { LOCALES } from '../../i18n/t';
import { useMemo, useState } from 'react';
import type { DamagedDraft, DraftStore } from '../../adapters/draft-store';
import {
  downloadAssessment,
  downloadAssessmentsCsv,
  downloadBundle,
} from '../../adapters/export-files';
import { importAssessments } from '../../adapters/import-assessments';
import type { StorageTrouble } from '../../adapters/key-value-storage';
import { newDraft } from '../../core/draft';
import type { DraftRecord } from '../../core/draft-record';
import { copyAssessment, libraryEntries, queryLibrary, type LibrarySort } from '../../core/library';
import { useI18n } from '../../i18n/i18n-context';
import DamagedRecords from '../components/damaged-records';
import { PageHeading } from '../components/page-heading';
import { SearchField } from '../components/search-field';
import { useDocumentTitle } from '../components/use-document-title';
import { ImportPanel } from './import-panel';
import { LibraryRow } from './library-row';
import './library.css';
import '../components/rows.css';

interface Props {
  drafts: DraftRecord[];
  damaged: DamagedDraft[];
  store: DraftStore;
  newId: () => string;
  onOpen: (draft: DraftRecord) => void;
  onChanged: () => void;
  onTrouble: (trouble: StorageTrouble | null) => void;
}

/** Deleted drafts wait here until the user undoes or moves on. */
interface Undo {
  drafts: DraftRecord[];
}

export default function LibraryScreen({
  drafts,
  damaged,
  store,
  newId,
  onOpen,
  onChanged,
  onTrouble,
}: Props) {
  const { t, lang } = useI18n();
  const locale = LOCALES[lang];
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<LibrarySort>('updated');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [undo, setUndo] = useState<Undo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(t('library.title'));

  const entries = useMemo(() => libraryEntries(drafts), [drafts]);
  const shown = queryLibrary(entries, search, sort, locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const selectedDrafts = drafts.filter((d) => selected.has(d.assessment.id));
  const now = () => new Date().toISOString();

  const saveAll = (records: DraftRecord[]) => {
    const trouble = store.saveAll(records);
    // Duplicates, renames and undos write no id of a damaged record.
    onTrouble(trouble === 'damaged-record' ? null : trouble);
    onChanged();
  };
  const remove = (toRemove: DraftRecord[]) => {
    for (const d of toRemove) store.remove(d.assessment.id);
    setSelected(new Set());
    setUndo({ drafts: toRemove });
    setNotice(null);
    onChanged();
  };
  const duplicate = (draft: DraftRecord) => {
    const copy = copyAssessment(draft.assessment, newId(), now(), t('library.copySuffix'));
    saveAll([{ ...newDraft(copy, now()), position: draft.position }]);
    setNotice(t('library.duplicated', { name: copy.company.name }));
  };
  const rename = (draft: DraftRecord, name: string) => {
    const assessment = {
      ...draft.assessment,
      company: { ...draft.assessment.company, name },
      updatedAt: now(),
    };
    saveAll([{ ...draft, assessment, savedAt: now() }]);
  };
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allShownSelected = shown.length > 0 && shown.every((e) => selected.has(e.id));
  const exportTargets = selectedDrafts.length > 0 ? selectedDrafts : shown.map((e) => e.draft);

  return (
    <div className="library">
      <PageHeading>{t('library.title')}</PageHeading>

      <div role="status" className="library-status">
        {undo !== null && (
          <p className="banner banner-info">
            {undo.drafts.length === 1
              ? t('library.deletedOne', {
                  name: undo.drafts[0]!.assessment.company.name || t('drafts.unnamed'),
                })
              : t('library.deletedMany', { count: undo.drafts.length })}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                saveAll(undo.drafts);
                setUndo(null);
              }}
            >
              {t('library.undo')}
            </button>
          </p>
        )}
        {notice !== null && <p className="banner banner-info">{notice}</p>}
      </div>

      <ImportPanel
        existingIds={new Set(drafts.map((d) => d.assessment.id))}
        damagedIds={store.damagedIds()}
        newId={newId}
        onImport={(assessments) => {
          const outcome = importAssessments(store, assessments, now());
          setNotice(null);
          onChanged();
          return outcome;
        }}
      />

      <div className="library-toolbar">
        <SearchField
          id="library-search"
          label={t('library.search')}
          value={search}
          onChange={setSearch}
        />
        <div className="field">
          <label htmlFor="library-sort">{t('library.sort')}</label>
          <select
            id="library-sort"
            value={sort}
            onChange={(event) => setSort(event.target.value as LibrarySort)}
          >
            <option value="updated">{t('library.sortUpdated')}</option>
            <option value="company">{t('library.sortCompany')}</option>
            <option value="score">{t('library.sortScore')}</option>
          </select>
        </div>
      </div>

      <div className="library-bulk">
        <label className="choice">
          <input
            type="checkbox"
            checked={allShownSelected}
            onChange={() =>
              setSelected(allShownSelected ? new Set() : new Set(shown.map((e) => e.id)))
            }
          />
          {t('library.selectAll', { count: shown.length })}
        </label>
        <span className="meta">{t('library.selectedCount', { count: selectedDrafts.length })}</span>
        <button
          type="button"
          className="button secondary small"
          disabled={exportTargets.length === 0}
          onClick={() =>
            downloadBundle(
              exportTargets.map((d) => d.assessment),
              t('library.bundleName'),
            )
          }
        >
          {selectedDrafts.length > 0 ? t('library.exportSelected') : t('library.exportAll')}
        </button>
        {(['wide', 'long'] as const).map((form) => (
          <button
            key={form}
            type="button"
            className="button secondary small"
            disabled={exportTargets.length === 0}
            onClick={() =>
              void downloadAssessmentsCsv(
                exportTargets.map((d) => d.assessment),
                form,
                lang,
              )
            }
          >
            {t(form === 'wide' ? 'library.exportCsv' : 'library.exportCsvLong')}
          </button>
        ))}
        <button
          type="button"
          className="button secondary small danger"
          disabled={selectedDrafts.length === 0}
          onClick={() => remove(selectedDrafts)}
        >
          {t('library.deleteSelected')}
        </button>
      </div>

      {shown.length === 0 ? (
        <p className="empty">{drafts.length === 0 ? t('library.empty') : t('library.noMatch')}</p>
      ) : (
        <ul className="library-list">
          {shown.map((entry) => (
            <LibraryRow
              key={entry.id}
              entry={entry}
              selected={selected.has(entry.id)}
              dateFormat={date}
              onToggle={() => toggle(entry.id)}
              onOpen={() => onOpen(entry.draft)}
              onDuplicate={() => duplicate(entry.draft)}
              onRename={(name) => rename(entry.draft, name)}
              onExport={() => downloadAssessment(entry.draft.assessment)}
              onDelete={() => remove([entry.draft])}
            />
          ))}
        </ul>
      )}

      {damaged.length > 0 && (
        <section className="damaged" aria-labelledby="damaged-title">
          <h2 id="damaged-title">{t('library.damagedTitle')}</h2>
          <p>{t('drafts.damagedText')}</p>
          <DamagedRecords damaged={damaged} />
        </section>
      )}
    </div>
  );
}
