import { useEffect, useRef, useState } from 'react';
import type { Criterion, Level, ModelEvidence } from '../../../core/schema';
import { MAX_MODEL_EVIDENCE } from '../../../core/vocabulary';
import { ProblemList } from '../../components/problem-list';
import { levelIndexOf } from '../../../core/rubric-index';
import { EvidenceForm } from './evidence-form';
import { EvidenceResult } from './evidence-result';
import { RecordedEvidence } from './recorded-evidence';
import { useEvidenceComputation } from './use-evidence-computation';
import { useEvidenceText } from './use-evidence-text';
import './evidence.css';

interface Props {
  criterion: Criterion;
  /** The evaluations the answer carries. */
  recorded: ModelEvidence[];
  /**
   * Replaces them; `accept`, when given, is the level the rater accepted: the
   * step chooses it and marks the answer's evidence verified.
   */
  onChange: (recorded: ModelEvidence[], accept: Level | null) => void;
}

/**
 * "Add model evidence" on a step whose rubric states evidence thresholds:
 * files in, figures out (computed in a worker; the files stay in the
 * browser), the level they support, and the rater's decision.
 */
export default function EvidencePanel({ criterion, recorded, onChange }: Props) {
  const { et } = useEvidenceText();
  const [open, setOpen] = useState(false);
  // `count` changes with every announcement, so the same words twice still move focus.
  const [message, setMessage] = useState({ text: '', count: 0 });
  const { state, run, reset } = useEvidenceComputation();
  const statusRef = useRef<HTMLParagraphElement>(null);

  const announce = (text: string) => setMessage((m) => ({ text, count: m.count + 1 }));
  // Once the words are on the page, focus moves to them, so what happened is heard and seen.
  useEffect(() => {
    if (message.count > 0) statusRef.current?.focus();
  }, [message.count]);
  const record = (evidence: ModelEvidence, accept: Level | null) => {
    onChange([...recorded, evidence], accept);
    reset();
    setOpen(false);
    announce(
      accept === null
        ? et('action.recorded')
        : et('action.accepted', { level: levelIndexOf(criterion, accept.value) + 1 }),
    );
  };
  const remove = (index: number) => {
    const removed = recorded[index]!;
    onChange(
      recorded.filter((_, i) => i !== index),
      null,
    );
    announce(et('recorded.removed', { task: removed.task }));
  };

  const progress =
    state.status === 'computing'
      ? et('form.computing')
      : state.status === 'done'
        ? et('form.done', { count: state.files.length })
        : state.status === 'broken'
          ? et('form.failed', { reason: state.message })
          : '';

  return (
    <section
      className="evidence-panel"
      aria-labelledby="evidence-title"
      data-testid="evidence-panel"
    >
      <h2 id="evidence-title">{et('panel.title')}</h2>
      <p className="hint">{et('panel.intro')}</p>
      <RecordedEvidence criterion={criterion} recorded={recorded} onRemove={remove} />
      <p className="evidence-message" role="status" tabIndex={-1} ref={statusRef}>
        {message.text}
      </p>
      <button
        type="button"
        className="button secondary"
        aria-expanded={open}
        aria-controls="evidence-form"
        onClick={() => {
          setOpen((v) => !v);
          setMessage((m) => ({ ...m, text: '' }));
        }}
      >
        {open ? et('panel.hide') : et('panel.add')}
      </button>
      {open && (
        <>
          <EvidenceForm computing={state.status === 'computing'} onCompute={run} />
          <p className="evidence-progress" role="status" aria-live="polite">
            {progress}
          </p>
          {state.status === 'refused' && (
            <div className="banner banner-warning" role="alert">
              <p>{et('form.refused')}</p>
              <ProblemList problems={state.problems} />
            </div>
          )}
          {state.status === 'done' && (
            <EvidenceResult
              criterion={criterion}
              done={state}
              full={recorded.length >= MAX_MODEL_EVIDENCE}
              onRecord={record}
            />
          )}
        </>
      )}
    </section>
  );
}
