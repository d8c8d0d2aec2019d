import { useI18n } from '../../i18n/i18n-context';
import { CriterionEditor } from './criterion-editor';
import { displayName } from './display-name';
import { BilingualField } from './fields';
import { fieldId, type CriterionForm, type SectionForm } from './rubric-form';
import { WeightsGroup } from './weights-group';

interface Props {
  base: string;
  index: number;
  section: SectionForm;
  name: string;
  generation: number;
  problemCounts: ReadonlyMap<string, number>;
  openCriteria: ReadonlySet<string>;
  onToggleCriterion: (section: number, criterion: number, open: boolean) => void;
  onChange: (section: number, change: (section: SectionForm) => SectionForm) => void;
  onChangeCriterion: (
    section: number,
    criterion: number,
    change: (criterion: CriterionForm) => CriterionForm,
  ) => void;
}

/** One section: its names, its criteria's weights, and each criterion (collapsed until opened). */
export function SectionEditor({
  base,
  index: s,
  section,
  name,
  generation,
  problemCounts,
  openCriteria,
  onToggleCriterion,
  onChange,
  onChangeCriterion,
}: Props) {
  const { t, lang } = useI18n();
  const sectionId = fieldId(base, ['sections', s]);
  const headingId = `${sectionId}-heading`;
  return (
    <section
      className="group rubric-editor-section"
      aria-labelledby={headingId}
      data-testid={`section-${section.id}`}
    >
      <h2 id={headingId}>{t('editor.sectionHeading', { n: s + 1, name })}</h2>
      <BilingualField
        id={fieldId(sectionId, ['name'])}
        legend={t('editor.sectionName')}
        value={section.name}
        onChange={(next) => onChange(s, (x) => ({ ...x, name: next }))}
      />
      <BilingualField
        id={fieldId(sectionId, ['description'])}
        legend={t('editor.sectionDescription')}
        value={section.description}
        multiline
        optional
        onChange={(description) => onChange(s, (x) => ({ ...x, description }))}
      />
      <WeightsGroup
        id={fieldId(sectionId, ['criteria'])}
        legend={t('editor.criterionWeights', { section: name })}
        hint={t('editor.criterionWeightsHint')}
        items={section.criteria.map((c) => ({
          name: displayName(c.name, lang, c.id),
          weight: c.weight,
        }))}
        onWeight={(c, weight) => onChangeCriterion(s, c, (x) => ({ ...x, weight }))}
        onWeights={(weights) =>
          onChange(s, (x) => ({
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
          onToggle={onToggleCriterion}
          onChange={onChangeCriterion}
        />
      ))}
    </section>
  );
}
