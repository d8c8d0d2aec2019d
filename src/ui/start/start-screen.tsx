import { useState, type FormEvent } from 'react';
import type { CustomRubricEntry } from '../../adapters/custom-rubrics';
import type { DamagedRecord } from '../../adapters/assessment-db';
import type { AssessmentSummary } from '../../core/assessment-summary';
import { PRESET_IDS } from '../../catalog/preset-ids';
import { ROLES, STAGES } from '../../core/vocabulary';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorSummary, type FieldError } from '../components/error-summary';
import { PageHeading } from '../components/page-heading';
import { useDocumentTitle } from '../components/use-document-title';
import { DraftList } from './draft-list';
import {
  cleanStart,
  EMPTY_START,
  validateStart,
  type StartErrors,
  type StartForm,
} from './start-form';
import './start.css';

interface Props {
  /** A deal on the team server to score: the company is filled in, and the deal's key kept. */
  forDeal?: { key: string; name: string } | null;
  /** Rubrics the user made, saved in this browser. */
  customRubrics: CustomRubricEntry[];
  drafts: readonly AssessmentSummary[];
  damaged: readonly DamagedRecord[];
  onStart: (form: StartForm) => Promise<void>;
  onResume: (id: string) => void;
  onOpenExample: () => Promise<void>;
}

const FIELD_ORDER: (keyof StartForm)[] = [
  'companyName',
  'stage',
  'sector',
  'evaluatorName',
  'role',
  'preset',
];

export function StartScreen({
  forDeal = null,
  customRubrics,
  drafts,
  damaged,
  onStart,
  onResume,
  onOpenExample,
}: Props) {
  const { t, local } = useI18n();
  const [form, setForm] = useState<StartForm>(() =>
    forDeal === null ? EMPTY_START : { ...EMPTY_START, companyName: forDeal.name },
  );
  const [errors, setErrors] = useState<StartErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof StartForm>(field: K, value: StartForm[K]) =>
    setForm((f) => ({ ...f, [field]: value }));
  const text = (field: 'companyName' | 'sector' | 'evaluatorName') => ({
    value: form[field],
    onChange: (event: { target: { value: string } }) => set(field, event.target.value),
  });
  const messageOf = (field: keyof StartForm) => {
    const key = errors[field];
    return key === undefined ? undefined : t(key);
  };
  const summary: FieldError[] = FIELD_ORDER.flatMap((field) => {
    const message = messageOf(field);
    return message === undefined ? [] : [{ target: field, message }];
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateStart(form);
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onStart(cleanStart(form));
    } finally {
      setBusy(false);
    }
  };
  useDocumentTitle(t('start.title'), summary.length > 0);

  const describedBy = (field: keyof StartForm, hint?: string) =>
    [hint, errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const inlineError = (field: keyof StartForm) =>
    errors[field] ? (
      <p className="field-error" id={`${field}-error`}>
        <span className="visually-hidden">{t('error.prefix')}</span>
        {messageOf(field)}
      </p>
    ) : null;

  return (
    <div className="start">
      <PageHeading caption={t('app.tagline')}>{t('start.title')}</PageHeading>
      <p className="lead">{t('start.lead')}</p>
      {forDeal !== null && (
        <p className="banner banner-info" data-testid="start-for-deal">
          {t('start.forDeal', { name: forDeal.name, key: forDeal.key })}
        </p>
      )}
      <ErrorSummary errors={summary} attempt={attempt} />

      {(drafts.length > 0 || damaged.length > 0) && (
        <DraftList drafts={drafts} damaged={damaged} onResume={onResume} />
      )}

      <form noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="group">
          <legend>{t('start.company')}</legend>
          <div className={`field${errors.companyName ? ' has-error' : ''}`}>
            <label htmlFor="companyName">{t('start.companyName')}</label>
            {inlineError('companyName')}
            <input
              id="companyName"
              autoComplete="organization"
              aria-invalid={errors.companyName ? true : undefined}
              aria-describedby={describedBy('companyName')}
              {...text('companyName')}
            />
          </div>
          <div className="field">
            <label htmlFor="stage">{t('start.stage')}</label>
            <select
              id="stage"
              value={form.stage}
              onChange={(event) => set('stage', event.target.value as StartForm['stage'])}
            >
              {STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {t(`stage.${stage}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${errors.sector ? ' has-error' : ''}`}>
            <label htmlFor="sector">
              {t('start.sector')} <span className="optional">{t('form.optional')}</span>
            </label>
            <p className="hint" id="sector-hint">
              {t('start.sectorHint')}
            </p>
            {inlineError('sector')}
            <input
              id="sector"
              aria-describedby={describedBy('sector', 'sector-hint')}
              {...text('sector')}
            />
          </div>
        </fieldset>

        <fieldset className="group">
          <legend>{t('start.evaluator')}</legend>
          <div className={`field${errors.evaluatorName ? ' has-error' : ''}`}>
            <label htmlFor="evaluatorName">{t('start.evaluatorName')}</label>
            {inlineError('evaluatorName')}
            <input
              id="evaluatorName"
              autoComplete="name"
              aria-invalid={errors.evaluatorName ? true : undefined}
              aria-describedby={describedBy('evaluatorName')}
              {...text('evaluatorName')}
            />
          </div>
          <fieldset className="field choice-row">
            <legend>{t('start.role')}</legend>
            {ROLES.map((role, i) => (
              <label key={role} className="choice">
                <input
                  type="radio"
                  value={role}
                  id={i === 0 ? 'role' : undefined}
                  name="role"
                  checked={form.role === role}
                  onChange={() => set('role', role)}
                />
                {t(`role.${role}`)}
              </label>
            ))}
          </fieldset>
        </fieldset>

        <fieldset className="group">
          <legend>{t('start.rubric')}</legend>
          {PRESET_IDS.map((preset, i) => (
            <label key={preset} className="choice choice-card">
              <input
                type="radio"
                value={preset}
                id={i === 0 ? 'preset' : undefined}
                aria-describedby={`preset-${preset}-hint`}
                name="preset"
                checked={form.preset === `preset:${preset}`}
                onChange={() => set('preset', `preset:${preset}`)}
              />
              <span>
                <strong>{t(`preset.${preset}.name`)}</strong>
                <span className="hint" id={`preset-${preset}-hint`}>
                  {t(`preset.${preset}.hint`)}
                </span>
              </span>
            </label>
          ))}
          {customRubrics.map((rubric) => (
            <label key={rubric.id} className="choice choice-card">
              <input
                type="radio"
                value={rubric.id}
                name="preset"
                aria-describedby={`custom-${rubric.id}-hint`}
                checked={form.preset === `custom:${rubric.id}`}
                onChange={() => set('preset', `custom:${rubric.id}`)}
              />
              <span>
                <strong>{rubric.name === null ? rubric.id : local(rubric.name)}</strong>
                <span className="hint" id={`custom-${rubric.id}-hint`}>
                  {t('start.customRubric', { id: rubric.id })}
                </span>
              </span>
            </label>
          ))}
        </fieldset>

        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t('start.begin')}
          </button>
        </div>
      </form>

      <section className="example" aria-labelledby="example-title">
        <h2 id="example-title">{t('start.exampleTitle')}</h2>
        <p>{t('start.exampleText')}</p>
        <button type="button" className="button secondary" onClick={() => void onOpenExample()}>
          {t('start.openExample')}
        </button>
      </section>
    </div>
  );
}
