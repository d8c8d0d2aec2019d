import { useId, useRef, useState, type DragEvent } from 'react';
import { readImportFiles, type ImportSource } from '../../adapters/read-import-files';
import { copyAssessment } from '../../core/library';
import type { Assessment } from '../../core/schema';
import { useI18n } from '../../i18n/i18n-context';

interface Props {
  existingIds: ReadonlySet<string>;
  newId: () => string;
  onImport: (assessments: Assessment[]) => void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'errors'; errors: string[] }
  | { kind: 'conflict'; assessments: Assessment[]; conflicts: Assessment[] };

/**
 * Import by file picker or drag and drop. Nothing is stored until every file
 * is valid; ids already in the library ask "replace or keep both".
 */
export function ImportPanel({ existingIds, newId, onImport }: Props) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();

  const take = async (files: readonly ImportSource[]) => {
    if (files.length === 0) return;
    const read = await readImportFiles(files);
    if (!read.ok) {
      setState({ kind: 'errors', errors: read.errors });
      return;
    }
    const conflicts = read.assessments.filter((a) => existingIds.has(a.id));
    if (conflicts.length > 0) {
      setState({ kind: 'conflict', assessments: read.assessments, conflicts });
      return;
    }
    setState({ kind: 'idle' });
    onImport(read.assessments);
  };

  const resolve = (choice: 'replace' | 'keep-both') => {
    if (state.kind !== 'conflict') return;
    const now = new Date().toISOString();
    const final = state.assessments.map((a) =>
      choice === 'keep-both' && existingIds.has(a.id) ? copyAssessment(a, newId(), now) : a,
    );
    setState({ kind: 'idle' });
    onImport(final);
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
          <ul>
            {state.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      {state.kind === 'conflict' && (
        <div className="banner banner-warning" role="alert" data-testid="import-conflict">
          <p>
            {t('library.conflict', { count: state.conflicts.length })}{' '}
            {state.conflicts.map((a) => a.company.name || a.id).join(', ')}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button primary small"
              onClick={() => resolve('replace')}
            >
              {t('library.replace')}
            </button>
            <button
              type="button"
              className="button secondary small"
              onClick={() => resolve('keep-both')}
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
