import { useCallback, useId, useMemo, useState } from 'react';
import type { Problem } from '../../core/problems';
import { ID_PATTERN, type Rubric } from '../../core/schema';
import { validateRubric } from '../../core/validate-rubric';
import { useI18n } from '../../i18n/i18n-context';
import { PageHeading } from '../components/page-heading';
import { useDocumentTitle } from '../components/use-document-title';
import { BandsEditor } from './bands-editor';
import { displayName } from './display-name';
import { EditorActions } from './editor-actions';
import { BilingualField, TextField } from './fields';
import { RubricFileToolbar } from './rubric-file-toolbar';
import {
  fieldId,
  toCandidate,
  toForm,
  updateAt,
  type CriterionForm,
  type RubricForm,
  type SectionForm,
} from './rubric-form';
import { problemsPerCriterion, RubricProblems, useProblemFocus } from './rubric-problems';
import { SectionEditor } from './section-editor';
import { WeightsGroup } from './weights-group';
import './rubric-editor.css';

export interface RubricEditorProps {
  /** A preset or a saved custom rubric to start from (give a clone its new id first). */
  initial: Rubric;
  /** Called only with a rubric that passes validateRubric. */
  onSave: (rubric: Rubric) => void;
  onCancel: () => void;
}

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
  /** Bumped when another rubric is loaded, so fields and pairwise panels start afresh. */
  const [generation, setGeneration] = useState(0);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  /** Open criteria ("s.c"); closed ones render only their summary. */
  const [openCriteria, setOpenCriteria] = useState<ReadonlySet<string>>(new Set());
  useDocumentTitle(t('editor.title'));

  const candidate = useMemo(() => toCandidate(form), [form]);
  const validated = useMemo(() => validateRubric(candidate), [candidate]);
  const problems = useMemo<Problem[]>(() => (validated.ok ? [] : validated.problems), [validated]);
  const problemCounts = useMemo(() => problemsPerCriterion(problems), [problems]);
  const dirty = JSON.stringify(candidate) !== baseline;

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
  const focusProblem = useProblemFocus(
    base,
    useCallback((s: number, c: number) => toggleCriterion(s, c, true), [toggleCriterion]),
  );

  const save = () => {
    if (!validated.ok) return;
    setBaseline(JSON.stringify(candidate));
    onSave(validated.value);
  };

  const sectionNames = form.sections.map((s) => displayName(s.name, lang, s.id));
  const statusId = `${base}-status`;

  return (
    <div className="rubric-editor">
      <PageHeading caption={displayName(form.name, lang, form.id)}>{t('editor.title')}</PageHeading>
      <p className="lead">{t('editor.intro')}</p>

      <RubricFileToolbar
        base={base}
        current={() => ({
          data: validated.ok ? validated.value : candidate,
          name: ID_PATTERN.test(form.id) ? form.id : 'rubric',
          valid: validated.ok,
        })}
        onImported={(rubric) => {
          setForm(toForm(rubric));
          setGeneration((g) => g + 1);
          setOpenCriteria(new Set());
          setConfirmingDiscard(false);
        }}
      />

      <RubricProblems id={statusId} base={base} problems={problems} onFocusProblem={focusProblem} />

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

      {form.sections.map((section, s) => (
        <SectionEditor
          key={`${generation}:${s}`}
          base={base}
          index={s}
          section={section}
          name={sectionNames[s]!}
          generation={generation}
          problemCounts={problemCounts}
          openCriteria={openCriteria}
          onToggleCriterion={toggleCriterion}
          onChange={updateSection}
          onChangeCriterion={updateCriterion}
        />
      ))}

      <BandsEditor
        base={base}
        bands={form.bands}
        generation={generation}
        onChange={(b, change) =>
          update((f) => ({ ...f, bands: updateAt(f.bands, b, (x) => ({ ...x, ...change })) }))
        }
      />

      <EditorActions
        base={base}
        statusId={statusId}
        problemCount={problems.length}
        confirmingDiscard={confirmingDiscard}
        onSave={save}
        onCancel={() => (dirty ? setConfirmingDiscard(true) : onCancel())}
        onDiscard={onCancel}
        onKeepEditing={() => setConfirmingDiscard(false)}
      />
    </div>
  );
}
