import { useMemo, useState } from 'react';
import type { DamagedDraft, DraftStore } from '../../adapters/draft-store';
import { downloadFile } from '../../adapters/download-file';
import type { StorageTrouble } from '../../adapters/key-value-storage';
import { serializeAssessment } from '../../core/assessment-file';
import { newDraft } from '../../core/draft';
import { type DraftRecord } from '../../core/draft-record';
import { serializeBundle } from '../../core/import-file';
import {
  copyAssessment,
  libraryEntries,
  queryLibrary,
  type LibraryEntry,
  type LibrarySort,
} from '../../core/library';
import type { Assessment } from '../../core/schema';
import { useI18n } from '../../i18n/i18n-context';
import { formatScore } from '../../i18n/t';
import { exportFileName } from '../../core/file-name';
import { PageHeading } from '../components/page-heading';
import { useDocumentTitle } from '../components/use-document-title';
import { ImportPanel } from './import-panel';
import DamagedRecords from '../components/damaged-records';
import { importAssessments } from '../../adapters/import-assessments';

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
  const { t, lang, local } = useI18n();
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<LibrarySort>('updated');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
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
    setRenaming(null);
  };
  const exportJson = (assessment: Assessment) =>
    downloadFile(
      new TextEncoder().encode(serializeAssessment(assessment)),
      exportFileName(assessment.company.name, new Date(), 'json'),
      'application/json',
    );
  const exportBundle = (list: DraftRecord[]) =>
    downloadFile(
      new TextEncoder().encode(
        serializeBundle(
          list.map((d) => d.assessment),
          now(),
        ),
      ),
      exportFileName(t('library.bundleName'), new Date(), 'json'),
      'application/json',
    );
  const exportCsv = async (list: DraftRecord[], form: 'wide' | 'long') => {
    const csv = await import('../../core/csv-export');
    const assessments = list.map((d) => d.assessment);
    const text =
      form === 'wide'
        ? csv.assessmentsToCsvWide(assessments, lang)
        : csv.assessmentsToCsvLong(assessments, lang);
    downloadFile(
      new TextEncoder().encode(text),
      exportFileName(form === 'wide' ? 'assessments' : 'answers', new Date(), 'csv'),
      'text/csv;charset=utf-8',
    );
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

  const row = (entry: LibraryEntry) => {
    const { draft } = entry;
    const { assessment } = draft;
    const results = entry.overall;
    const name = assessment.company.name || t('drafts.unnamed');
    const complete = entry.answered === entry.total;
    return (
      <li key={entry.id} className="library-row" data-testid="library-row">
        <input
          type="checkbox"
          checked={selected.has(entry.id)}
          onChange={() => toggle(entry.id)}
          aria-label={t('library.select', { name })}
        />
        <div className="library-main">
          {renaming?.id === entry.id ? (
            <form
              className="rename"
              onSubmit={(event) => {
                event.preventDefault();
                rename(draft, renaming.name.trim());
              }}
            >
              <label htmlFor={`rename-${entry.id}`} className="visually-hidden">
                {t('library.newName')}
              </label>
              <input
                id={`rename-${entry.id}`}
                value={renaming.name}
                maxLength={200}
                onChange={(event) => setRenaming({ id: entry.id, name: event.target.value })}
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
            {assessment.evaluator.name} · {t(`role.${assessment.evaluator.role}`)} ·{' '}
            {local(assessment.rubric.name)} · {date.format(new Date(assessment.updatedAt))}
          </span>
        </div>
        <div className="library-score">
          <span className="library-overall">{results === null ? '—' : formatScore(results)}</span>
          {entry.verdict !== null && (
            <span className={`library-verdict${entry.verdict.capped ? ' danger' : ''}`}>
              {local(entry.verdict.band.label)}
            </span>
          )}
          <span className="meta">
            {complete
              ? t('library.complete')
              : t('library.partial', { answered: entry.answered, total: entry.total })}
          </span>
        </div>
        <div className="library-actions">
          <button
            type="button"
            className="button secondary small"
            onClick={() => onOpen(draft)}
            aria-label={t('library.openNamed', { name })}
          >
            {t('library.open')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => duplicate(draft)}
            aria-label={t('library.duplicateNamed', { name })}
          >
            {t('library.duplicate')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => setRenaming({ id: entry.id, name: assessment.company.name })}
            aria-label={t('library.renameNamed', { name })}
          >
            {t('library.rename')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => exportJson(assessment)}
            aria-label={t('library.exportNamed', { name })}
          >
            {t('library.export')}
          </button>
          <button
            type="button"
            className="link-button danger"
            onClick={() => remove([draft])}
            aria-label={t('library.deleteNamed', { name })}
          >
            {t('library.delete')}
          </button>
        </div>
      </li>
    );
  };

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
        <div className="field">
          <label htmlFor="library-search">{t('library.search')}</label>
          <input
            id="library-search"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
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
          onClick={() => exportBundle(exportTargets)}
        >
          {selectedDrafts.length > 0 ? t('library.exportSelected') : t('library.exportAll')}
        </button>
        <button
          type="button"
          className="button secondary small"
          disabled={exportTargets.length === 0}
          onClick={() => void exportCsv(exportTargets, 'wide')}
        >
          {t('library.exportCsv')}
        </button>
        <button
          type="button"
          className="button secondary small"
          disabled={exportTargets.length === 0}
          onClick={() => void exportCsv(exportTargets, 'long')}
        >
          {t('library.exportCsvLong')}
        </button>
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
        <ul className="library-list">{shown.map(row)}</ul>
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
