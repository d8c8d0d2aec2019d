import { useCallback, useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { downloadFile } from '../../adapters/download-file';
import { readJsonFile } from '../../adapters/read-import-files';
import type { Problem } from '../../core/problems';
import { ID_PATTERN, type Rubric } from '../../core/schema';
import { validateRubric } from '../../core/validate-rubric';
import { useI18n } from '../../i18n/i18n-context';
import { problemText } from '../../i18n/problem-text';
import { PageHeading } from '../components/page-heading';
import { ProblemList } from '../components/problem-list';
import { useDocumentTitle } from '../components/use-document-title';
import { CriterionEditor } from './criterion-editor';
import { displayName } from './display-name';
import { BilingualField, TextField } from './fields';
import {
  fieldId,
  pathKeys,
  problemTarget,
  toCandidate,
  toForm,
  updateAt,
  type CriterionForm,
  type RubricForm,
  type SectionForm,
} from './rubric-form';
import { WeightsGroup } from './weights-group';

export interface RubricEditorProps {
  /** A preset or a saved custom rubric to start from (give a clone its new id first). */
  initial: Rubric;
  /** Called only with a rubric that passes validateRubric. */
  onSave: (rubric: Rubric) => void;
  onCancel: () => void;
}

type ImportState =
  | { kind: 'idle' }
  | { kind: 'failed'; file: string; problems: Problem[] }
  | { kind: 'done'; file: string };

const fingerprint = (form: RubricForm) => JSON.stringify(toCandidate(form));

/**
 * Edits a custom rubric: wording in both languages, weights (typed,
 * normalised, or derived from pairwise comparisons), knock-outs, levels and
 * bands. Every change is checked with the core's validateRubric; Save is
 * enabled only when the rubric is valid. Structure (ids, number of sections,
 * criteria, levels, bands) comes from `initial` or an imported file.
 */
export default function RubricEditor({ initial, onSave, onCancel }: RubricEditorProps) {
  const { t, lang } = useI18n();
  const base = `rubric-editor${useId()}`;
  const [form, setForm] = useState<RubricForm>(() => toForm(initial));
  const [baseline, setBaseline] = useState(() => fingerprint(toForm(initial)));
  /** Bumped when another rubric is loaded, so pairwise panels start afresh. */
  const [generation, setGeneration] = useState(0);
  const [importState, setImportState] = useState<ImportState>({ kind: 'idle' });
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  /** Open criteria ("s.c"); closed ones render only their summary. */
  const [openCriteria, setOpenCriteria] = useState<ReadonlySet<string>>(new Set());
  /** A problem whose field should take focus once its criterion has rendered. */
  const pendingFocus = useRef<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const discardRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(t('editor.title'));
  // The discard question takes focus when it appears, so it is read out.
  useEffect(() => {
    if (confirmingDiscard) discardRef.current?.focus();
  }, [confirmingDiscard]);

  const candidate = useMemo(() => toCandidate(form), [form]);
  const validated = useMemo(() => validateRubric(candidate), [candidate]);
  const problems = useMemo<Problem[]>(() => (validated.ok ? [] : validated.problems), [validated]);
  const dirty = JSON.stringify(candidate) !== baseline;

  /** Problems per criterion ("s.c"), shown on its collapsed summary. */
  const problemCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const problem of problems) {
      const [first, s, second, c] = pathKeys(problem.path);
      if (first === 'sections' && second === 'criteria' && typeof c === 'number') {
        const key = `${s}.${c}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return counts;
  }, [problems]);

  const update = useCallback((change: (form: RubricForm) => RubricForm) => {
    setForm(change);
    setConfirmingDiscard(false);
  }, []);
  const updateSection = useCallback(
    (s: number, change: (section: SectionForm) => SectionForm) =>
      update((f) => ({ ...f, sections: updateAt(f.sections, s, change) })),
    [update],
  );
  const updateCriterion = useCallback(
    (s: number, c: number, change: (criterion: CriterionForm) => CriterionForm) =>
      updateSection(s, (section) => ({
        ...section,
        criteria: updateAt(section.criteria, c, change),
      })),
    [updateSection],
  );

  const toggleCriterion = useCallback((s: number, c: number, open: boolean) => {
    setOpenCriteria((current) => {
      const key = `${s}.${c}`;
      if (current.has(key) === open) return current;
      const next = new Set(current);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const focusProblem = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    event.preventDefault();
    const [first, s, second, c] = pathKeys(path);
    if (
      first === 'sections' &&
      second === 'criteria' &&
      typeof s === 'number' &&
      typeof c === 'number'
    ) {
      toggleCriterion(s, c, true);
    }
    pendingFocus.current = path;
    setFocusRequest((n) => n + 1);
  };

  // Runs after the criterion holding the field has rendered open.
  useEffect(() => {
    const path = pendingFocus.current;
    if (path === null) return;
    pendingFocus.current = null;
    const target = problemTarget(base, path, (id) => document.getElementById(id) !== null);
    const element = target === null ? null : document.getElementById(target);
    if (element === null) return;
    for (let node = element.parentElement; node !== null; node = node.parentElement) {
      if (node instanceof HTMLDetailsElement) node.open = true;
    }
    element.focus();
  }, [focusRequest, base]);

  const exportFile = () => {
    const data = validated.ok ? validated.value : candidate;
    const name = ID_PATTERN.test(form.id) ? form.id : 'rubric';
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
      setImportState({ kind: 'failed', file: file.name, problems });
      return;
    }
    setForm(toForm(checked.value));
    setGeneration((g) => g + 1);
    setOpenCriteria(new Set());
    setConfirmingDiscard(false);
    setImportState({ kind: 'done', file: file.name });
  };

  const save = () => {
    if (!validated.ok) return;
    setBaseline(JSON.stringify(candidate));
    onSave(validated.value);
  };

  const cancel = () => {
    if (!dirty) {
      onCancel();
      return;
    }
    setConfirmingDiscard(true);
  };

  const sectionNames = form.sections.map((s) => displayName(s.name, lang, s.id));
  const statusId = `${base}-status`;

  return (
    <div className="rubric-editor">
      <PageHeading caption={displayName(form.name, lang, form.id)}>{t('editor.title')}</PageHeading>
      <p className="lead">{t('editor.intro')}</p>

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
          {!validated.ok && ` ${t('editor.exportInvalid')}`}
        </p>
      </div>

      {importState.kind === 'failed' && (
        <div className="error-summary" role="alert" data-testid="rubric-import-errors">
          <h2>{t('editor.importFailed', { file: importState.file })}</h2>
          <ProblemList problems={importState.problems} />
        </div>
      )}
      {importState.kind === 'done' && (
        <p className="banner banner-info" role="status">
          {t('editor.imported', { file: importState.file })}
        </p>
      )}

      <div
        id={statusId}
        role="status"
        aria-live="polite"
        tabIndex={-1}
        className={`rubric-editor-status${validated.ok ? ' rubric-editor-status-ok' : ''}`}
        data-testid="rubric-problems"
      >
        {validated.ok ? (
          <p>{t('editor.valid')}</p>
        ) : (
          <>
            <p className="rubric-editor-status-title">
              {problems.length === 1
                ? t('editor.problemsOne')
                : t('editor.problemsMany', { count: problems.length })}
            </p>
            <ul>
              {problems.map((problem, i) => (
                <li key={i}>
                  <a
                    href={`#${fieldId(base, pathKeys(problem.path))}`}
                    onClick={(event) => focusProblem(event, problem.path)}
                  >
                    <code>{problem.path}</code>
                  </a>
                  : {problemText(problem, lang)}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      <fieldset className="group">
        <legend>{t('editor.about')}</legend>
        <TextField
          id={fieldId(base, ['id'])}
          className="rubric-editor-narrow"
          label={t('editor.id')}
          hint={t('editor.idHint')}
          value={form.id}
          onChange={(id) => update((f) => ({ ...f, id }))}
        />
        <TextField
          id={fieldId(base, ['version'])}
          className="rubric-editor-narrow"
          label={t('editor.version')}
          hint={t('editor.versionHint')}
          numeric
          value={form.version}
          onChange={(version) => update((f) => ({ ...f, version }))}
        />
        <BilingualField
          id={fieldId(base, ['name'])}
          legend={t('editor.name')}
          value={form.name}
          onChange={(name) => update((f) => ({ ...f, name }))}
        />
        <BilingualField
          id={fieldId(base, ['description'])}
          legend={t('editor.description')}
          value={form.description}
          multiline
          onChange={(description) => update((f) => ({ ...f, description }))}
        />
      </fieldset>

      <div className="group">
        <WeightsGroup
          id={fieldId(base, ['sections'])}
          legend={t('editor.sectionWeights')}
          hint={t('editor.sectionWeightsHint')}
          items={form.sections.map((s, i) => ({ name: sectionNames[i]!, weight: s.weight }))}
          onWeight={(s, weight) => updateSection(s, (section) => ({ ...section, weight }))}
          onWeights={(weights) =>
            update((f) => ({
              ...f,
              sections: f.sections.map((s, i) => ({ ...s, weight: String(weights[i]) })),
            }))
          }
          resetKey={`${generation}:${form.sections.map((s) => s.id).join(',')}`}
        />
      </div>

      {form.sections.map((section, s) => {
        const sectionId = fieldId(base, ['sections', s]);
        const headingId = `${sectionId}-heading`;
        return (
          <section
            key={`${generation}:${s}`}
            className="group rubric-editor-section"
            aria-labelledby={headingId}
            data-testid={`section-${section.id}`}
          >
            <h2 id={headingId}>
              {t('editor.sectionHeading', { n: s + 1, name: sectionNames[s]! })}
            </h2>
            <BilingualField
              id={fieldId(sectionId, ['name'])}
              legend={t('editor.sectionName')}
              value={section.name}
              onChange={(name) => updateSection(s, (x) => ({ ...x, name }))}
            />
            <BilingualField
              id={fieldId(sectionId, ['description'])}
              legend={t('editor.sectionDescription')}
              value={section.description}
              multiline
              optional
              onChange={(description) => updateSection(s, (x) => ({ ...x, description }))}
            />
            <WeightsGroup
              id={fieldId(sectionId, ['criteria'])}
              legend={t('editor.criterionWeights', { section: sectionNames[s]! })}
              hint={t('editor.criterionWeightsHint')}
              items={section.criteria.map((c) => ({
                name: displayName(c.name, lang, c.id),
                weight: c.weight,
              }))}
              onWeight={(c, weight) => updateCriterion(s, c, (x) => ({ ...x, weight }))}
              onWeights={(weights) =>
                updateSection(s, (x) => ({
                  ...x,
                  criteria: x.criteria.map((c, i) => ({ ...c, weight: String(weights[i]) })),
                }))
              }
              resetKey={`${generation}:${section.criteria.map((c) => c.id).join(',')}`}
            />
            <h3>{t('editor.criteria')}</h3>
            <p className="hint">{t('editor.criteriaHint')}</p>
            {section.criteria.map((criterion, c) => (
              <CriterionEditor
                key={c}
                id={fieldId(sectionId, ['criteria', c])}
                section={s}
                index={c}
                criterion={criterion}
                problemCount={problemCounts.get(`${s}.${c}`) ?? 0}
                open={openCriteria.has(`${s}.${c}`)}
                onToggle={toggleCriterion}
                onChange={updateCriterion}
              />
            ))}
          </section>
        );
      })}

      <section
        className="group rubric-editor-bands"
        aria-labelledby={`${base}-bands-heading`}
        data-testid="bands"
      >
        <h2 id={`${base}-bands-heading`}>{t('editor.bands')}</h2>
        <p className="hint">{t('editor.bandsHint')}</p>
        {form.bands.map((band, b) => {
          const bandId = fieldId(base, ['bands', b]);
          const legendId = `${bandId}-legend`;
          const change = (next: Partial<typeof band>) =>
            update((f) => ({ ...f, bands: updateAt(f.bands, b, (x) => ({ ...x, ...next })) }));
          return (
            <fieldset key={`${generation}:${b}`} className="field rubric-editor-band">
              <legend id={legendId}>
                {t('editor.band', { n: b + 1, name: displayName(band.label, lang, band.id) })}
              </legend>
              <BilingualField
                id={fieldId(bandId, ['label'])}
                context={legendId}
                legend={t('editor.bandLabel')}
                value={band.label}
                onChange={(label) => change({ label })}
              />
              <div className="rubric-editor-range">
                <TextField
                  id={fieldId(bandId, ['min'])}
                  label={t('editor.bandMin')}
                  numeric
                  value={band.min}
                  onChange={(min) => change({ min })}
                />
                <TextField
                  id={fieldId(bandId, ['max'])}
                  label={t('editor.bandMax')}
                  numeric
                  value={band.max}
                  onChange={(max) => change({ max })}
                />
              </div>
              <BilingualField
                id={fieldId(bandId, ['description'])}
                context={legendId}
                legend={t('editor.bandDescription')}
                value={band.description}
                multiline
                optional
                onChange={(description) => change({ description })}
              />
            </fieldset>
          );
        })}
      </section>

      <div className="rubric-editor-actions">
        {confirmingDiscard ? (
          <div
            ref={discardRef}
            tabIndex={-1}
            className="rubric-editor-discard"
            role="group"
            aria-labelledby={`${base}-discard-question`}
          >
            <p id={`${base}-discard-question`}>{t('editor.discardQuestion')}</p>
            <button type="button" className="button secondary small danger" onClick={onCancel}>
              {t('editor.discard')}
            </button>
            <button
              type="button"
              className="button secondary small"
              onClick={() => setConfirmingDiscard(false)}
            >
              {t('editor.keepEditing')}
            </button>
          </div>
        ) : (
          <>
            <p className="rubric-editor-actions-status">
              {validated.ok ? (
                t('editor.ready')
              ) : (
                <a
                  href={`#${statusId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(statusId)?.focus();
                  }}
                >
                  {problems.length === 1
                    ? t('editor.badgeOne')
                    : t('editor.badgeMany', { count: problems.length })}
                </a>
              )}
            </p>
            <button
              type="button"
              className="button primary"
              disabled={!validated.ok}
              onClick={save}
            >
              {t('editor.save')}
            </button>
            <button type="button" className="button secondary" onClick={cancel}>
              {t('editor.cancel')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
