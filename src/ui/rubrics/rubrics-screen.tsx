import { lazy, Suspense, useState } from 'react';
import {
  listCustomRubrics,
  readCustomRubricText,
  removeCustomRubric,
  saveCustomRubricText,
} from '../../adapters/custom-rubrics';
import type { KeyValueStorage } from '../../adapters/key-value-storage';
import type { StorageTrouble } from '../../adapters/storage-trouble';
import { loadPreset } from '../../catalog/rubric-catalog';
import { PRESET_IDS, type PresetId } from '../../catalog/preset-ids';
import { parseJsonSafely } from '../../core/safe-json';
import type { Rubric } from '../../core/schema';
import { validateRubric } from '../../core/validate-rubric';
import { useI18n } from '../../i18n/i18n-context';
import { problemLines } from '../../i18n/problem-text';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { useDocumentTitle } from '../components/use-document-title';
import '../components/rows.css';

const RubricEditor = lazy(() => import('../rubric-editor/rubric-editor'));

interface Props {
  storage: KeyValueStorage | null;
  onTrouble: (trouble: StorageTrouble | null) => void;
}

type Editing = { rubric: Rubric; originalId: string | null };

/** The presets to clone, and the user's own rubrics to edit; assessments keep the snapshot they were made with. */
export default function RubricsScreen({ storage, onTrouble }: Props) {
  const { t, local, lang } = useI18n();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  useDocumentTitle(t('rubrics.title'));
  const custom = listCustomRubrics(storage);
  void revision;

  const customRubric = (id: string): Rubric | null => {
    const json = parseJsonSafely(readCustomRubricText(storage, id) ?? '');
    const checked = json.ok ? validateRubric(json.value) : json;
    if (!checked.ok) {
      setMessage(problemLines(checked.problems, lang, `rubric "${id}"`));
      return null;
    }
    return checked.value;
  };
  const freeId = (base: string) => {
    const taken = new Set<string>([...PRESET_IDS, ...custom.map((c) => c.id)]);
    for (let n = 1; ; n += 1) {
      const id = `${base}-copy${n === 1 ? '' : `-${n}`}`;
      if (!taken.has(id)) return id;
    }
  };
  const clone = (rubric: Rubric) =>
    setEditing({
      rubric: { ...structuredClone(rubric), id: freeId(rubric.id), version: '1.0.0' },
      originalId: null,
    });

  if (editing !== null) {
    return (
      <Suspense fallback={<Loading />}>
        <RubricEditor
          key={editing.rubric.id}
          initial={editing.rubric}
          onCancel={() => setEditing(null)}
          onSave={(rubric) => {
            const clash =
              (PRESET_IDS as readonly string[]).includes(rubric.id) ||
              (rubric.id !== editing.originalId && custom.some((c) => c.id === rubric.id));
            if (clash) {
              setMessage(t('rubrics.idTaken', { id: rubric.id }));
              return;
            }
            if (editing.originalId !== null && editing.originalId !== rubric.id)
              removeCustomRubric(storage, editing.originalId);
            const trouble = saveCustomRubricText(
              storage,
              rubric.id,
              `${JSON.stringify(rubric, null, 2)}\n`,
            );
            onTrouble(trouble);
            setMessage(
              trouble === null
                ? t('rubrics.saved', { name: local(rubric.name) })
                : t('storage.inMemory'),
            );
            setEditing(null);
            setRevision((n) => n + 1);
          }}
        />
        {message !== null && (
          <p className="banner banner-warning" role="alert">
            {message}
          </p>
        )}
      </Suspense>
    );
  }

  return (
    <div className="rubrics">
      <PageHeading>{t('rubrics.title')}</PageHeading>
      <p className="lead">{t('rubrics.lead')}</p>
      {message !== null && (
        <p className="banner banner-info" role="status">
          {message}
        </p>
      )}
      <section aria-labelledby="presets-title">
        <h2 id="presets-title">{t('rubrics.presets')}</h2>
        <ul className="library-list">
          {PRESET_IDS.map((id: PresetId) => (
            <li key={id} className="library-row rater-row">
              <span aria-hidden="true" />
              <div className="library-main">
                <strong>{t(`preset.${id}.name`)}</strong>
                <span className="meta">{t(`preset.${id}.hint`)}</span>
              </div>
              <div className="library-actions">
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => void loadPreset(id).then(clone)}
                >
                  {t('rubrics.clone', { name: t(`preset.${id}.name`) })}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="custom-title">
        <h2 id="custom-title">{t('rubrics.yours')}</h2>
        {custom.length === 0 ? (
          <p className="empty">{t('rubrics.none')}</p>
        ) : (
          <ul className="library-list">
            {custom.map((entry) => {
              const name = entry.name === null ? entry.id : local(entry.name);
              return (
                <li key={entry.id} className="library-row rater-row" data-testid="custom-rubric">
                  <span aria-hidden="true" />
                  <div className="library-main">
                    <strong>{name}</strong>
                    <span className="meta">{entry.id}</span>
                  </div>
                  <div className="library-actions">
                    <button
                      type="button"
                      className="button secondary small"
                      onClick={() => {
                        const rubric = customRubric(entry.id);
                        if (rubric !== null) setEditing({ rubric, originalId: entry.id });
                      }}
                    >
                      {t('rubrics.edit', { name })}
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        const rubric = customRubric(entry.id);
                        if (rubric !== null) clone(rubric);
                      }}
                    >
                      {t('rubrics.cloneShort')}
                    </button>
                    <button
                      type="button"
                      className="link-button danger"
                      onClick={() => {
                        if (!window.confirm(t('rubrics.confirmDelete', { name }))) return;
                        removeCustomRubric(storage, entry.id);
                        setMessage(t('rubrics.deleted', { name }));
                        setRevision((n) => n + 1);
                      }}
                    >
                      {t('library.delete')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
