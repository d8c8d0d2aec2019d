interface Props {
  /** Ties the question to the group for screen readers; unique on the page. */
  id: string;
  question: string;
  yes: string;
  cancel: string;
  busy: boolean;
  onYes: () => void;
  onCancel: () => void;
}

/** A question asked in place before something that cannot be undone (submitting, revealing). */
export function ConfirmGroup({ id, question, yes, cancel, busy, onYes, onCancel }: Props) {
  return (
    <div className="confirm" role="group" aria-labelledby={id}>
      <p id={id}>{question}</p>
      <div className="actions">
        <button type="button" className="button primary" disabled={busy} onClick={onYes}>
          {yes}
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </div>
  );
}
