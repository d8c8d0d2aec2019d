import { useState } from 'react';
import { downloadFile } from '../../adapters/download-file';
import { readJsonFile } from '../../adapters/read-import-files';
import type { Problem } from '../../core/problems';
import type { Rubric } from '../../core/schema';
import { validateRubric } from '../../core/validate-rubric';
import { useI18n } from '../../i18n/i18n-context';
import { ProblemList } from '../components/problem-list';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'failed'; file: string; problems: Problem[] }
  | { kind: 'done'; file: string };

interface Props {
  base: string;
  /** What Export writes: the rubric as it stands, valid or not. */
  current: () => { data: unknown; name: string; valid: boolean };
  /** Called only with a rubric that passed validateRubric. */
  onImported: (rubric: Rubric) => void;
}

/** Export the rubric as a file, or import one in its place (nothing changes if it has problems). */
export function RubricFileToolbar({ base, current, onImported }: Props) {
  const { t } = useI18n();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const { valid } = current();

  const exportFile = () => {
    const { data, name } = current();
    downloadFile(
      new TextEncoder().encode(JSON.stringify(data, null, 2) + '\n'),
      `${name}.json`,
      'application/json',
    );
  };

  const importFile = async (file: File) => {
    const read = await readJsonFile(file);
    const checked = read.ok ? validateRubric(read.value) : read;
    if (!checked.ok) {
      const problems = checked.problems.map((p) => ({ ...p, source: file.name }));
      setState({ kind: 'failed', file: file.name, problems });
      return;
    }
    onImported(checked.value);
    setState({ kind: 'done', file: file.name });
  };

  return (
    <>
      <div className="rubric-editor-toolbar">
        <button type="button" className="button secondary small" onClick={exportFile}>
          {t('editor.export')}
        </button>
        <label htmlFor={`${base}-import`} className="button secondary small">
          {t('editor.import')}
        </label>
        <input
          id={`${base}-import`}
          className="visually-hidden"
          type="file"
          accept=".json,application/json"
          aria-describedby={`${base}-import-hint`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file !== undefined) void importFile(file);
          }}
        />
        <p className="hint" id={`${base}-import-hint`}>
          {t('editor.importHint')}
          {!valid && ` ${t('editor.exportInvalid')}`}
        </p>
      </div>
      {state.kind === 'failed' && (
        <div className="error-summary" role="alert" data-testid="rubric-import-errors">
          <h2>{t('editor.importFailed', { file: state.file })}</h2>
          <ProblemList problems={state.problems} />
        </div>
      )}
      {state.kind === 'done' && (
        <p className="banner banner-info" role="status">
          {t('editor.imported', { file: state.file })}
        </p>
      )}
    </>
  );
}
