import { memo } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { BilingualField, TextField } from './fields';
import { displayName } from './display-name';
import { fieldId, updateAt, type CriterionForm } from './rubric-form';
import { ThresholdEditor } from './threshold-editor';

interface CriterionEditorProps {
  /** Base id of the criterion in the path scheme (`…-sections-0-criteria-2`). */
  id: string;
  section: number;
  index: number;
  criterion: CriterionForm;
  problemCount: number;
  /** The body is rendered only while open, which keeps a long rubric light. */
  open: boolean;
  onToggle: (section: number, index: number, open: boolean) => void;
  onChange: (
    section: number,
    index: number,
    update: (criterion: CriterionForm) => CriterionForm,
  ) => void;
}

/**
 * One criterion, collapsed to its name so a long rubric stays usable. Its
 * weight is edited with the section's other weights, where the sum is shown.
 */
export const CriterionEditor = memo(function CriterionEditor({
  id,
  section,
  index,
  criterion,
  problemCount,
  open,
  onToggle,
  onChange,
}: CriterionEditorProps) {
  const { t, lang } = useI18n();
  const change = (update: (c: CriterionForm) => CriterionForm) => onChange(section, index, update);
  const name = displayName(criterion.name, lang, criterion.id);
  const lowest = criterion.levels[0]?.value;
  const highest = criterion.levels.at(-1)?.value;
  const knockout = criterion.knockoutBelow.trim();

  return (
    <details
      id={id}
      className="rubric-editor-criterion"
      data-testid={`criterion-${criterion.id}`}
      open={open}
      onToggle={(event) => onToggle(section, index, event.currentTarget.open)}
    >
      <summary>
        <span className="rubric-editor-summary-name">{name}</span>{' '}
        <span className="rubric-editor-summary-meta">
          {knockout === ''
            ? t('editor.criterionMeta', { weight: criterion.weight })
            : t('editor.criterionMetaKnockout', { weight: criterion.weight, value: knockout })}
        </span>
        {problemCount > 0 && (
          <span className="rubric-editor-badge">
            {problemCount === 1
              ? t('editor.badgeOne')
              : t('editor.badgeMany', { count: problemCount })}
          </span>
        )}
      </summary>
      {open && (
        <div className="rubric-editor-criterion-body">
          <p className="hint">{t('editor.criterionId', { id: criterion.id })}</p>
          <BilingualField
            id={fieldId(id, ['name'])}
            legend={t('editor.criterionName')}
            value={criterion.name}
            onChange={(next) => change((c) => ({ ...c, name: next }))}
          />
          <BilingualField
            id={fieldId(id, ['question'])}
            legend={t('editor.question')}
            value={criterion.question}
            multiline
            onChange={(next) => change((c) => ({ ...c, question: next }))}
          />
          <TextField
            id={fieldId(id, ['knockoutBelow'])}
            className="rubric-editor-narrow"
            label={t('editor.knockout')}
            hint={t('editor.knockoutHint', {
              min: lowest ?? '—',
              max: highest ?? '—',
            })}
            numeric
            value={criterion.knockoutBelow}
            onChange={(text) => change((c) => ({ ...c, knockoutBelow: text }))}
          />
          {criterion.evidencePrompts.length > 0 && (
            <fieldset className="field rubric-editor-subgroup">
              <legend>{t('editor.prompts')}</legend>
              {criterion.evidencePrompts.map((prompt, p) => (
                <BilingualField
                  key={p}
                  id={fieldId(id, ['evidencePrompts', p])}
                  legend={t('editor.prompt', { n: p + 1 })}
                  value={prompt}
                  onChange={(next) =>
                    change((c) => ({
                      ...c,
                      evidencePrompts: updateAt(c.evidencePrompts, p, () => next),
                    }))
                  }
                />
              ))}
            </fieldset>
          )}
          <fieldset className="field rubric-editor-subgroup">
            <legend>{t('editor.levels')}</legend>
            {criterion.levels.map((level, l) => {
              const levelId = fieldId(id, ['levels', l]);
              const legendId = `${levelId}-legend`;
              return (
                <fieldset key={l} className="field rubric-editor-level">
                  <legend id={legendId}>
                    {t('editor.level', { n: l + 1, value: level.value })}
                  </legend>
                  <BilingualField
                    id={fieldId(levelId, ['label'])}
                    context={legendId}
                    legend={t('editor.levelLabel')}
                    value={level.label}
                    onChange={(next) =>
                      change((c) => ({
                        ...c,
                        levels: updateAt(c.levels, l, (lv) => ({ ...lv, label: next })),
                      }))
                    }
                  />
                  <BilingualField
                    id={fieldId(levelId, ['descriptor'])}
                    context={legendId}
                    legend={t('editor.levelDescriptor')}
                    value={level.descriptor}
                    multiline
                    onChange={(next) =>
                      change((c) => ({
                        ...c,
                        levels: updateAt(c.levels, l, (lv) => ({ ...lv, descriptor: next })),
                      }))
                    }
                  />
                  <ThresholdEditor
                    levelId={levelId}
                    context={legendId}
                    threshold={level.evidenceThreshold}
                    onChange={(next) =>
                      change((c) => ({
                        ...c,
                        levels: updateAt(c.levels, l, ({ evidenceThreshold: _, ...lv }) =>
                          next === undefined ? lv : { ...lv, evidenceThreshold: next },
                        ),
                      }))
                    }
                  />
                </fieldset>
              );
            })}
          </fieldset>
        </div>
      )}
    </details>
  );
});
