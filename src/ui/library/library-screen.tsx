import { LOCALES } from '../../i18n/t';
import { useMemo, useState } from 'react';
import type { AssessmentStore, Library } from '../../adapters/assessment-store';
import {
  downloadAssessment,
  downloadAssessmentsCsv,
  downloadBundle,
} from '../../adapters/export-files';
import { importAssessments } from '../../adapters/import-assessments';
import type { StorageTrouble } from '../../adapters/storage-trouble';
import { newDraft } from '../../core/draft';
import type { DraftRecord } from '../../core/draft-record';
import { copyAssessment, queryLibrary, type LibrarySort } from '../../core/library';
import { useI18n } from '../../i18n/i18n-context';
import DamagedRecords from '../components/damaged-records';
import { PageHeading } from '../components/page-heading';
import { SearchField } from '../components/search-field';
import { ShowMore } from '../components/show-more';
import { useDocumentTitle } from '../components/use-document-title';
import { ImportPanel } from './import-panel';
import { LibraryRow } from './library-row';
import { StorageUse } from './storage-use';
import './library.css';
import '../components/rows.css';

interface Props {
  library: Library;
  store: AssessmentStore;
  newId: () => string;
  onOpen: (id: string) => void;
  onChanged: () => void;
  onTrouble: (trouble: StorageTrouble | null) => void;
}

/** Deleted drafts wait here until the user undoes or moves on. */
interface Undo {
  drafts: DraftRecord[];
}

/** Rows drawn at a time: a long library shows its first rows at once, the rest on request. */
export const LIBRARY_PAGE = 50;

export default function LibraryScreen({
  library,
  store,
  newId,
  onOpen,
  onChanged,
  onTrouble,
}: Props) {
  const { t, lang } = useI18n();
  const locale = LOCALES[lang];
  const { summaries, damaged } = library;
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<LibrarySort>('updated');
  const [limit, setLimit] = useState(LIBRARY_PAGE);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [undo, setUndo] = useState<Undo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(t('library.title'));

  const shown = useMemo(
    () => queryLibrary(summaries, search, sort, locale),
    [summaries, search, sort, locale],
  );
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const selectedIds = summaries.filter((s) => selected.has(s.id)).map((s) => s.id);
  const now = () => new Date().toISOString();

  const saveAll = async (records: DraftRecord[]) => {
    const trouble = await store.saveAll(records);
    // Duplicates, renames and undos write no id of a damaged record.
    onTrouble(trouble === 'damaged-record' ? null : trouble);
    onChanged();
  };
  const remove = async (ids: readonly string[]) => {
    const drafts = await store.readMany(ids);
    onTrouble(await store.remove(ids));
    setSelected(new Set());
    setUndo({ drafts });
    setNotice(null);
    onChanged();
  };
  const duplicate = async (id: string) => {
    const draft = await store.read(id);
    if (draft === null) return;
    const copy = copyAssessment(draft.assessment, newId(), now(), t('library.copySuffix'));
    await saveAll([{ ...newDraft(copy, now()), position: draft.position }]);
    setNotice(t('library.duplicated', { name: copy.company.name }));
  };
  const rename = async (id: string, name: string) => {
    const draft = await store.read(id);
    if (draft === null) return;
    const assessment = {
      ...draft.assessment,
      company: { ...draft.assessment.company, name },
      updatedAt: now(),
    };
    await saveAll([{ ...draft, assessment, savedAt: now() }]);
  };
  /** The chosen rows, or every row shown when none is chosen: their whole bodies, for export. */
  const exportTargets = async () =>
    (await store.readMany(selectedIds.length > 0 ? selectedIds : shown.map((s) => s.id))).map(
      (d) => d.assessment,
    );
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allShownSelected = shown.length > 0 && shown.every((e) => selected.has(e.id));
  const nothingToExport = selectedIds.length === 0 && shown.length === 0;

  return (
    <div className="library">
      <PageHeading>{t('library.title')}</PageHeading>
      <StorageUse revision={summaries.length} />

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
                void saveAll(undo.drafts);
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
        existingIds={new Set(summaries.map((s) => s.id))}
        damagedIds={store.damaged()}
        newId={newId}
        onImport={async (assessments) => {
          const outcome = await importAssessments(store, assessments, now());
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
          onChange={(value) => {
            setSearch(value);
            setLimit(LIBRARY_PAGE);
          }}
        />
        <div className="field">
          <label htmlFor="library-sort">{t('library.sort')}</label>
          <select
            id="library-sort"
            value={sort}
            onChange={(event) => {
              setSort(event.target.value as LibrarySort);
              setLimit(LIBRARY_PAGE);
            }}
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
        <span className="meta">{t('library.selectedCount', { count: selectedIds.length })}</span>
        <button
          type="button"
          className="button secondary small"
          disabled={nothingToExport}
          onClick={() =>
            void exportTargets().then((list) => downloadBundle(list, t('library.bundleName')))
          }
        >
          {selectedIds.length > 0 ? t('library.exportSelected') : t('library.exportAll')}
        </button>
        {(['wide', 'long'] as const).map((form) => (
          <button
            key={form}
            type="button"
            className="button secondary small"
            disabled={nothingToExport}
            onClick={() =>
              void exportTargets().then((list) => downloadAssessmentsCsv(list, form, lang))
            }
          >
            {t(form === 'wide' ? 'library.exportCsv' : 'library.exportCsvLong')}
          </button>
        ))}
        <button
          type="button"
          className="button secondary small danger"
          disabled={selectedIds.length === 0}
          onClick={() => void remove(selectedIds)}
        >
          {t('library.deleteSelected')}
        </button>
      </div>

      {shown.length === 0 ? (
        <p className="empty">
          {summaries.length === 0 ? t('library.empty') : t('library.noMatch')}
        </p>
      ) : (
        <ul className="library-list">
          {shown.slice(0, limit).map((entry) => (
            <LibraryRow
              key={entry.id}
              entry={entry}
              selected={selected.has(entry.id)}
              dateFormat={date}
              onToggle={() => toggle(entry.id)}
              onOpen={() => onOpen(entry.id)}
              onDuplicate={() => void duplicate(entry.id)}
              onRename={(name) => void rename(entry.id, name)}
              onExport={() =>
                void store
                  .read(entry.id)
                  .then((d) => d !== null && downloadAssessment(d.assessment))
              }
              onDelete={() => void remove([entry.id])}
            />
          ))}
        </ul>
      )}
      {shown.length > limit && (
        <ShowMore
          status={t('library.showing', { shown: limit, total: shown.length })}
          label={t('library.showMore', { count: Math.min(LIBRARY_PAGE, shown.length - limit) })}
          onMore={() => setLimit((n) => n + LIBRARY_PAGE)}
        />
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
