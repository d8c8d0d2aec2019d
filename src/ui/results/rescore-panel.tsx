import { useEffect, useRef, useState } from 'react';
import { serializeAssessment } from '../../core/assessment-file';
import { exportFileName } from '../../core/file-name';
import { rescoreUnderRubric, type Rescore } from '../../core/rescore';
import type { Assessment } from '../../core/schema';
import { useI18n } from '../../i18n/i18n-context';
import { RescoreChanges } from './rescore-changes';
import { useNewerPreset } from './use-newer-preset';
import './rescore.css';

interface Props {
  assessment: Assessment;
  /** Replaces the open assessment (the re-scored one, or the original again on Undo). */
  onReplace: (assessment: Assessment) => void;
}

type State =
  | { kind: 'offer'; undoneTo?: string }
  | { kind: 'preview'; rescore: Rescore }
  | { kind: 'done'; previous: Assessment; version: string };

/**
 * For an assessment made with an older version of a shipped preset: offers
 * to re-score it under the shipped version, shows what changes, and applies
 * it only on confirmation. Applying changes the assessment in place (it keeps
 * its id, so a deal still counts its rater once); the old file can be
 * downloaded first, and Undo puts it back while the results stay open.
 */
export function RescorePanel({ assessment, onReplace }: Props) {
  const { t, local } = useI18n();
  const newer = useNewerPreset(assessment.rubric);
  const [state, setState] = useState<State>({ kind: 'offer' });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  // Focus follows the panel: to the changes when they open, to the outcome after Apply or Undo.
  const focusTarget =
    state.kind === 'preview'
      ? 'preview'
      : state.kind === 'done' || state.undoneTo
        ? 'status'
        : null;
  useEffect(() => {
    if (focusTarget === 'preview') headingRef.current?.focus();
    if (focusTarget === 'status') statusRef.current?.focus();
  }, [focusTarget]);

  if (state.kind === 'done') {
    return (
      <section className="rescore" aria-labelledby="rescore-title" data-testid="rescore">
        <h2 id="rescore-title" className="visually-hidden">
          {t('rescore.title')}
        </h2>
        <p ref={statusRef} tabIndex={-1} role="status" className="rescore-status">
          {t('rescore.done', { version: state.version })}
        </p>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            onReplace(state.previous);
            setState({ kind: 'offer', undoneTo: state.previous.rubric.version });
          }}
        >
          {t('rescore.undo')}
        </button>
      </section>
    );
  }
  if (newer === null) return null;

  const versions = { old: assessment.rubric.version, new: newer.version };
  return (
    <section className="rescore" aria-labelledby="rescore-title" data-testid="rescore">
      <h2 id="rescore-title">{t('rescore.title')}</h2>
      {state.kind === 'offer' && state.undoneTo !== undefined && (
        <p ref={statusRef} tabIndex={-1} role="status" className="rescore-status">
          {t('rescore.undone', { version: state.undoneTo })}
        </p>
      )}
      <p>
        {t('rescore.intro', {
          name: local(assessment.rubric.name),
          old: versions.old,
          new: versions.new,
        })}
      </p>
      {state.kind === 'offer' ? (
        <button
          type="button"
          className="button primary"
          onClick={() =>
            setState({ kind: 'preview', rescore: rescoreUnderRubric(assessment, newer) })
          }
        >
          {t('rescore.preview', { version: versions.new })}
        </button>
      ) : (
        <div className="rescore-preview">
          <h3 ref={headingRef} tabIndex={-1}>
            {t('rescore.caption', { version: versions.new })}
          </h3>
          <RescoreChanges
            rescore={state.rescore}
            oldVersion={versions.old}
            newVersion={versions.new}
          />
          <p className="rescore-in-place">
            {t('rescore.inPlace', { old: versions.old, new: versions.new })}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              onClick={() => {
                const now = new Date().toISOString();
                onReplace({ ...state.rescore.assessment, updatedAt: now });
                setState({ kind: 'done', previous: assessment, version: versions.new });
              }}
            >
              {t('rescore.apply', { version: versions.new })}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => downloadOriginal(assessment).catch(() => undefined)}
            >
              {t('rescore.downloadOld', { version: versions.old })}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => setState({ kind: 'offer' })}
            >
              {t('rescore.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** The assessment as its file, before anything changes: the same bytes the library exports. */
async function downloadOriginal(assessment: Assessment): Promise<void> {
  const { downloadFile } = await import('../../adapters/download-file');
  const bytes = new TextEncoder().encode(serializeAssessment(assessment));
  downloadFile(
    bytes,
    exportFileName(assessment.company.name, new Date(), 'json'),
    'application/json',
  );
}
