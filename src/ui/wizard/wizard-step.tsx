import { zodResolver } from '@hookform/resolvers/zod';
import { lazy, Suspense, useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { hasEvidenceThresholds } from '../../core/evidence-level';
import { withdrawAcceptance } from '../../core/model-evidence';
import { levelIndexOf, levelOf, type CriterionEntry } from '../../core/rubric-index';
import { MAX_NOTES_LENGTH, type Stage } from '../../core/vocabulary';
import { isMessageKey, useI18n } from '../../i18n/i18n-context';
import { ErrorSummary, type FieldError } from '../components/error-summary';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { useDocumentTitle } from '../components/use-document-title';
import { EvidenceOptions } from './evidence-options';
import { FactChecklist } from './fact-checklist';
import { LevelOptions } from './level-options';
import { StepProgress } from './step-progress';
import { stepFormSchema, type StepForm } from './step-form-schema';
import './wizard.css';
import './stage-expectation.css';

interface Props {
  entry: CriterionEntry;
  /** Position in the whole wizard, 0-based. */
  index: number;
  total: number;
  /** Position within the section, 0-based, and the section's size. */
  sectionIndex: number;
  sectionSize: number;
  /** The company's stage: the step shows the level it expects, when the rubric says. */
  stage: Stage;
  initial: StepForm;
  returnToReview: boolean;
  onChange: (values: StepForm) => void;
  onBack: () => void;
  onContinue: () => void;
}

const FIELDS = ['value', 'evidence', 'notes'] as const;

// Files, workers and chart.js load only on the steps whose rubric states evidence thresholds.
const EvidencePanel = lazy(() => import('./evidence/evidence-panel'));

export function WizardStep({
  entry,
  index,
  total,
  sectionIndex,
  sectionSize,
  stage,
  initial,
  returnToReview,
  onChange,
  onBack,
  onContinue,
}: Props) {
  const { t, local } = useI18n();
  const { criterion, section } = entry;
  const { control, register, handleSubmit, watch, setValue, getValues, formState } =
    useForm<StepForm>({
      resolver: zodResolver(stepFormSchema(criterion)),
      defaultValues: initial,
      shouldFocusError: false,
    });
  const { errors } = formState;

  // Every change is saved at once: a reload or a closed tab loses nothing typed.
  useEffect(() => {
    const subscription = watch((values) => {
      onChange({
        value: values.value ?? null,
        evidence: values.evidence ?? null,
        notes: values.notes ?? '',
        facts: (values.facts ?? []).filter((fact) => fact !== undefined),
        // Whole records, set only by the evidence panel: read typed, not as watch's partial copy.
        modelEvidence: getValues('modelEvidence'),
      });
    });
    return () => subscription.unsubscribe();
  }, [watch, getValues, onChange]);

  const messageOf = (field: (typeof FIELDS)[number]) => {
    const message = errors[field]?.message;
    return isMessageKey(message) ? t(message) : undefined;
  };
  const summary: FieldError[] = FIELDS.flatMap((field) => {
    const message = messageOf(field);
    return message === undefined ? [] : [{ target: field, message }];
  });
  const name = local(criterion.name);
  useDocumentTitle(
    `${name} · ${local(section.name)} · ${t('step.ofTotal', { n: sectionIndex + 1, total: sectionSize })}`,
    summary.length > 0,
  );
  // Evidence accepted for another level no longer backs the answer once the rater moves it.
  const withdrawStaleAcceptance = (value: number) => {
    const recorded = getValues('modelEvidence');
    const kept = withdrawAcceptance(recorded, value);
    if (kept !== recorded) setValue('modelEvidence', kept, { shouldDirty: true });
  };
  const notes = watch('notes');
  const chosen = watch('value');
  const expectedValue = criterion.expected?.[stage];
  const expectedLevel = expectedValue === undefined ? undefined : levelOf(criterion, expectedValue);
  const stageName = t(`stage.${stage}`);

  return (
    <form
      className="wizard-step"
      noValidate
      onSubmit={(event) => {
        void handleSubmit(onContinue)(event);
      }}
    >
      <StepProgress
        sectionName={local(section.name)}
        sectionIndex={sectionIndex}
        sectionSize={sectionSize}
        index={index}
        total={total}
      />
      <ErrorSummary errors={summary} attempt={formState.submitCount} />
      <PageHeading focusKey={entry.fullId}>{name}</PageHeading>
      <p className="question" id="question">
        {local(criterion.question)}
      </p>
      {criterion.evidencePrompts.length > 0 && (
        <details className="prompts">
          <summary>{t('step.evidencePrompts')}</summary>
          <ul>
            {criterion.evidencePrompts.map((prompt) => (
              <li key={prompt.en}>{local(prompt)}</li>
            ))}
          </ul>
        </details>
      )}
      {expectedLevel !== undefined && (
        <p className="stage-expectation" data-testid="stage-expectation">
          {t('step.expected', {
            stage: stageName,
            level: levelIndexOf(criterion, expectedLevel.value) + 1,
            label: local(expectedLevel.label),
          })}
        </p>
      )}

      <Controller
        control={control}
        name="facts"
        render={({ field }) => (
          <FactChecklist
            criterion={criterion}
            ticked={field.value}
            chosen={chosen}
            onChange={field.onChange}
            onApply={(value) => {
              withdrawStaleAcceptance(value);
              setValue('value', value, {
                shouldDirty: true,
                shouldValidate: formState.submitCount > 0,
              });
              // The button goes once its level is chosen: focus moves to that level's radio.
              const i = levelIndexOf(criterion, value);
              document.getElementById(i === 0 ? 'value' : `value-${i}`)?.focus();
            }}
          />
        )}
      />

      {hasEvidenceThresholds(criterion) && (
        <Controller
          control={control}
          name="modelEvidence"
          render={({ field }) => (
            <Suspense fallback={<Loading />}>
              <EvidencePanel
                criterion={criterion}
                recorded={field.value}
                onChange={(recorded, accept) => {
                  field.onChange(recorded);
                  if (accept === null) return;
                  // The rater accepted the level the figures support: never set without that click.
                  const validate = { shouldDirty: true, shouldValidate: formState.submitCount > 0 };
                  setValue('value', accept.value, validate);
                  setValue('evidence', 'verified', validate);
                }}
              />
            </Suspense>
          )}
        />
      )}

      <Controller
        control={control}
        name="value"
        render={({ field }) => (
          <LevelOptions
            criterion={criterion}
            name="value"
            legend={t('step.levelLegend', { name })}
            value={field.value}
            error={messageOf('value')}
            expected={
              expectedLevel === undefined
                ? undefined
                : { value: expectedLevel.value, tag: t('step.expectedTag', { stage: stageName }) }
            }
            onChange={(value) => {
              withdrawStaleAcceptance(value);
              field.onChange(value);
            }}
            onBlur={field.onBlur}
          />
        )}
      />
      <Controller
        control={control}
        name="evidence"
        render={({ field }) => (
          <EvidenceOptions
            name="evidence"
            value={field.value}
            error={messageOf('evidence')}
            onChange={field.onChange}
            onBlur={field.onBlur}
          />
        )}
      />

      <div className={`field${errors.notes ? ' has-error' : ''}`}>
        <label htmlFor="notes">
          {t('step.notes')} <span className="optional">{t('form.optional')}</span>
        </label>
        <p className="hint" id="notes-hint">
          {t('step.notesHint')}
        </p>
        {errors.notes && (
          <p className="field-error" id="notes-error">
            {messageOf('notes')}
          </p>
        )}
        <textarea
          id="notes"
          rows={4}
          maxLength={MAX_NOTES_LENGTH}
          aria-describedby={`notes-hint notes-count${errors.notes ? ' notes-error' : ''}`}
          {...register('notes')}
        />
        <p className="counter" id="notes-count">
          {t('step.notesCount', { count: notes.length, max: MAX_NOTES_LENGTH })}
        </p>
      </div>

      <div className="actions">
        <button type="submit" className="button primary">
          {returnToReview
            ? t('step.saveAndReview')
            : index === total - 1
              ? t('step.continueToReview')
              : t('step.continue')}
        </button>
        <button type="button" className="button secondary" onClick={onBack}>
          {t('step.back')}
        </button>
      </div>
    </form>
  );
}
