import { useId, useRef, useState, type DragEvent } from 'react';
import type { ImportOutcome } from '../../adapters/import-assessments';
import { readImportFiles, type ImportSource } from '../../adapters/read-import-files';
import { copyAssessment } from '../../core/library';
import type { Problem } from '../../core/problems';
import type { Assessment } from '../../core/schema';
import { useI18n } from '../../i18n/i18n-context';
import { ImportOutcomeNotice } from '../components/import-outcome-notice';
import { ProblemList } from '../components/problem-list';

interface Props {
  existingIds: ReadonlySet<string>;
  /** Stored records that cannot be read: an import with one of their ids can only be kept as a copy. */
  damagedIds: ReadonlySet<string>;
  newId: () => string;
  /** Stores them (all or none) and says how it went. */
  onImport: (assessments: Assessment[]) => Promise<ImportOutcome>;
}

type State =
  | { kind: 'idle' }
  | { kind: 'errors'; problems: Problem[] }
  | { kind: 'conflict'; assessments: Assessment[]; conflicts: Assessment[]; damaged: boolean }
  | { kind: 'done'; outcome: ImportOutcome };

/**
 * Import by file picker or drag and drop. Nothing is stored until every file
 * is valid; ids already in the library ask "replace or keep both".
 */
export function ImportPanel({ existingIds, damagedIds, newId, onImport }: Props) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();

  const take = async (files: readonly ImportSource[]) => {
    if (files.length === 0) return;
    const read = await readImportFiles(files);
    if (!read.ok) {
      setState({ kind: 'errors', problems: read.problems });
      return;
    }
    const clashes = (a: Assessment) => existingIds.has(a.id) || damagedIds.has(a.id);
    const conflicts = read.assessments.filter(clashes);
    if (conflicts.length > 0) {
      const damaged = conflicts.some((a) => damagedIds.has(a.id));
      setState({ kind: 'conflict', assessments: read.assessments, conflicts, damaged });
      return;
    }
    setState({ kind: 'done', outcome: await onImport(read.assessments) });
  };

  const resolve = async (choice: 'replace' | 'keep-both') => {
    if (state.kind !== 'conflict') return;
    const now = new Date().toISOString();
    // A damaged record is never written over: its id always goes to a copy.
    const final = state.assessments.map((a) =>
      damagedIds.has(a.id) || (choice === 'keep-both' && existingIds.has(a.id))
        ? copyAssessment(a, newId(), now)
        : a,
    );
    setState({ kind: 'done', outcome: await onImport(final) });
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void take([...event.dataTransfer.files]);
  };

  return (
    <section
      className={`import-panel${dragging ? ' dragging' : ''}`}
      aria-labelledby="import-title"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="import-panel"
    >
      <h2 id="import-title">{t('library.importTitle')}</h2>
      <p id={hintId} className="hint">
        {t('library.importHint')}
      </p>
      <label htmlFor="import-files" className="button secondary">
        {t('library.chooseFiles')}
      </label>
      <input
        ref={input}
        id="import-files"
        className="visually-hidden"
        type="file"
        multiple
        accept=".json,application/json"
        aria-describedby={hintId}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          void take(files);
        }}
      />
      {state.kind === 'errors' && (
        <div className="error-summary" role="alert" data-testid="import-errors">
          <h3>{t('library.importFailed')}</h3>
          <ProblemList problems={state.problems} />
        </div>
      )}
      {state.kind === 'done' && <ImportOutcomeNotice outcome={state.outcome} />}
      {state.kind === 'conflict' && (
        <div className="banner banner-warning" role="alert" data-testid="import-conflict">
          <p>
            {t('library.conflict', { count: state.conflicts.length })}{' '}
            {state.conflicts.map((a) => a.company.name || a.id).join(', ')}
          </p>
          {state.damaged && <p>{t('library.conflictDamaged')}</p>}
          <div className="actions">
            {!state.damaged && (
              <button
                type="button"
                className="button primary small"
                onClick={() => void resolve('replace')}
              >
                {t('library.replace')}
              </button>
            )}
            <button
              type="button"
              className="button secondary small"
              onClick={() => void resolve('keep-both')}
            >
              {t('library.keepBoth')}
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => setState({ kind: 'idle' })}
            >
              {t('library.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
