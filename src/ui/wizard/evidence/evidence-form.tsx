import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ChosenFile, EvidenceRequest } from '../../../adapters/compute-evidence';
import { parseDecimal } from '../../../core/metrics/class-labels';
import { MAX_NAME_LENGTH } from '../../../core/vocabulary';
import type { EvidenceKey } from '../../../i18n/evidence-text';
import { useI18n } from '../../../i18n/i18n-context';
import type { EvidenceNames } from './use-evidence-computation';
import { useEvidenceText } from './use-evidence-text';

type Kind = EvidenceRequest['kind'];
type Field = 'predictions' | 'references' | 'candidate' | 'task' | 'heldOut' | 'threshold';

interface Props {
  computing: boolean;
  onCompute: (request: EvidenceRequest, names: EvidenceNames) => void;
}

/**
 * The files and names an evaluation needs. It sits inside the wizard step's
 * form, so it is fieldsets, not a form: its buttons are type="button", and
 * Enter in its text fields computes rather than submitting the step.
 */
export function EvidenceForm({ computing, onCompute }: Props) {
  const { t } = useI18n();
  const { et } = useEvidenceText();
  const [kind, setKind] = useState<Kind>('table');
  const [files, setFiles] = useState<Partial<Record<string, File[]>>>({});
  const [threshold, setThreshold] = useState('0.5');
  const [names, setNames] = useState<EvidenceNames>({ task: '', heldOut: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, EvidenceKey>>>({});

  const chosen = (id: string) => files[id] ?? [];
  const describedBy = (field: string, hint: boolean) =>
    [hint ? `evidence-${field}-hint` : '', errors[field as Field] ? `evidence-${field}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;

  const compute = () => {
    const found: Partial<Record<Field, EvidenceKey>> = {};
    const first = (id: string) => chosen(id)[0];
    if (kind === 'table' && first('predictions') === undefined) found.predictions = 'error.file';
    if (kind === 'text' && chosen('references').length === 0) found.references = 'error.references';
    if (kind === 'text' && first('candidate') === undefined) found.candidate = 'error.file';
    const cut = parseDecimal(threshold);
    if (kind === 'table' && cut === null) found.threshold = 'error.threshold';
    if (names.task.trim() === '') found.task = 'error.task';
    if (names.heldOut.trim() === '') found.heldOut = 'error.heldOut';
    setErrors(found);
    const firstError = Object.keys(found)[0];
    if (firstError !== undefined) {
      document.getElementById(`evidence-${firstError}`)?.focus();
      return;
    }
    const pick = (id: string, role: ChosenFile['role']): ChosenFile[] =>
      chosen(id).map((file) => ({ role, file }));
    const request: EvidenceRequest =
      kind === 'table'
        ? {
            kind,
            threshold: cut!,
            files: [...pick('predictions', 'predictions'), ...pick('baseline', 'baseline')],
          }
        : {
            kind,
            files: [
              ...pick('references', 'reference'),
              ...pick('candidate', 'candidate'),
              ...pick('textBaseline', 'baseline'),
            ],
          };
    onCompute(request, { task: names.task.trim(), heldOut: names.heldOut.trim() });
  };
  const enterComputes = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    compute();
  };

  const fileField = (
    id: string,
    label: EvidenceKey,
    hint: EvidenceKey | null,
    options: { optional?: boolean; multiple?: boolean; accept?: string },
  ) => (
    <Row
      id={id}
      label={et(label)}
      hint={hint === null ? null : et(hint)}
      optional={options.optional ? t('form.optional') : null}
      error={errors[id as Field] === undefined ? null : et(errors[id as Field]!)}
    >
      <input
        type="file"
        id={`evidence-${id}`}
        // Text files carry any extension (newstest.de, out.zh): only CSVs are narrowed.
        accept={options.accept}
        multiple={options.multiple}
        aria-describedby={describedBy(id, hint !== null)}
        aria-invalid={errors[id as Field] !== undefined || undefined}
        onChange={(event) =>
          setFiles((current) => ({ ...current, [id]: [...(event.target.files ?? [])] }))
        }
      />
    </Row>
  );
  const textField = (id: 'task' | 'heldOut', label: EvidenceKey, hint: EvidenceKey) => (
    <Row
      id={id}
      label={et(label)}
      hint={et(hint)}
      optional={null}
      error={errors[id] === undefined ? null : et(errors[id])}
    >
      <input
        type="text"
        id={`evidence-${id}`}
        maxLength={MAX_NAME_LENGTH}
        value={names[id]}
        aria-describedby={describedBy(id, true)}
        aria-invalid={errors[id] !== undefined || undefined}
        onKeyDown={enterComputes}
        onChange={(event) => setNames((current) => ({ ...current, [id]: event.target.value }))}
      />
    </Row>
  );

  return (
    <div className="evidence-form" id="evidence-form">
      <fieldset className="evidence-kind">
        <legend>{et('form.kind')}</legend>
        {(['table', 'text'] as const).map((option) => (
          <label key={option} className="evidence-kind-choice" htmlFor={`evidence-kind-${option}`}>
            <input
              type="radio"
              id={`evidence-kind-${option}`}
              name="evidence-kind"
              checked={kind === option}
              onChange={() => {
                setKind(option);
                setErrors({});
              }}
            />
            <span>{et(option === 'table' ? 'form.kindTable' : 'form.kindText')}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="evidence-files">
        <legend>{et('form.legend')}</legend>
        {kind === 'table' ? (
          <>
            {fileField('predictions', 'form.predictions', 'form.predictionsHint', {
              accept: '.csv,text/csv',
            })}
            {fileField('baseline', 'form.baseline', 'form.baselineHint', {
              optional: true,
              accept: '.csv,text/csv',
            })}
          </>
        ) : (
          <>
            {fileField('references', 'form.references', 'form.referencesHint', {
              multiple: true,
            })}
            {fileField('candidate', 'form.candidate', null, {})}
            {fileField('textBaseline', 'form.textBaseline', 'form.baselineHint', {
              optional: true,
            })}
          </>
        )}
      </fieldset>
      <fieldset className="evidence-names">
        <legend>{et('form.names')}</legend>
        {textField('task', 'form.task', 'form.taskHint')}
        {textField('heldOut', 'form.heldOut', 'form.heldOutHint')}
        {kind === 'table' && (
          <Row
            id="threshold"
            label={et('form.threshold')}
            hint={et('form.thresholdHint')}
            optional={null}
            error={errors.threshold === undefined ? null : et(errors.threshold)}
          >
            <input
              type="text"
              inputMode="decimal"
              id="evidence-threshold"
              className="evidence-threshold"
              value={threshold}
              aria-describedby={describedBy('threshold', true)}
              aria-invalid={errors.threshold !== undefined || undefined}
              onKeyDown={enterComputes}
              onChange={(event) => setThreshold(event.target.value)}
            />
          </Row>
        )}
      </fieldset>
      <button type="button" className="button primary" disabled={computing} onClick={compute}>
        {et('form.compute')}
      </button>
    </div>
  );
}

/** A labelled field with its hint and error, as the app's other fields are laid out. */
function Row(props: {
  id: string;
  label: string;
  hint: string | null;
  optional: string | null;
  error: string | null;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className={`field${props.error === null ? '' : ' has-error'}`}>
      <label htmlFor={`evidence-${props.id}`}>
        {props.label}
        {props.optional !== null && <span className="optional"> {props.optional}</span>}
      </label>
      {props.hint !== null && (
        <p className="hint" id={`evidence-${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error !== null && (
        <p className="field-error" id={`evidence-${props.id}-error`}>
          <span className="visually-hidden">{t('error.prefix')}</span>
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  );
}
