import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n-context';

interface Props {
  base: string;
  /** The live problem list's id: the "n problems" link moves focus there. */
  statusId: string;
  problemCount: number;
  confirmingDiscard: boolean;
  onSave: () => void;
  onCancel: () => void;
  onDiscard: () => void;
  onKeepEditing: () => void;
}

/** Save and Cancel; a Cancel that would lose changes asks first, and the question takes focus. */
export function EditorActions({
  base,
  statusId,
  problemCount,
  confirmingDiscard,
  onSave,
  onCancel,
  onDiscard,
  onKeepEditing,
}: Props) {
  const { t } = useI18n();
  const question = useRef<HTMLDivElement>(null);
  // The question takes focus when it appears, so it is read out.
  useEffect(() => {
    if (confirmingDiscard) question.current?.focus();
  }, [confirmingDiscard]);

  if (confirmingDiscard) {
    return (
      <div className="rubric-editor-actions">
        <div
          ref={question}
          tabIndex={-1}
          className="rubric-editor-discard"
          role="group"
          aria-labelledby={`${base}-discard-question`}
        >
          <p id={`${base}-discard-question`}>{t('editor.discardQuestion')}</p>
          <button type="button" className="button secondary small danger" onClick={onDiscard}>
            {t('editor.discard')}
          </button>
          <button type="button" className="button secondary small" onClick={onKeepEditing}>
            {t('editor.keepEditing')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="rubric-editor-actions">
      <p className="rubric-editor-actions-status">
        {problemCount === 0 ? (
          t('editor.ready')
        ) : (
          <a
            href={`#${statusId}`}
            onClick={(event) => {
              event.preventDefault();
              document.getElementById(statusId)?.focus();
            }}
          >
            {problemCount === 1
              ? t('editor.badgeOne')
              : t('editor.badgeMany', { count: problemCount })}
          </a>
        )}
      </p>
      <button type="button" className="button primary" disabled={problemCount > 0} onClick={onSave}>
        {t('editor.save')}
      </button>
      <button type="button" className="button secondary" onClick={onCancel}>
        {t('editor.cancel')}
      </button>
    </div>
  );
}
