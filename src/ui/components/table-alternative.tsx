import { useId, useState, type ReactNode } from 'react';

interface Props {
  /** The table's caption (read by screen readers; the figure shows its own title). */
  caption: string;
  showLabel: string;
  hideLabel: string;
  /** The table's head and body. */
  children: ReactNode;
}

/** A chart's figures as a table, behind a button: for screen readers, and for reading exact values. */
export function TableAlternative({ caption, showLabel, hideLabel, children }: Props) {
  const [shown, setShown] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="link-button"
        aria-expanded={shown}
        aria-controls={id}
        onClick={() => setShown((v) => !v)}
      >
        {shown ? hideLabel : showLabel}
      </button>
      <div id={id} hidden={!shown} className="radar-table">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          {children}
        </table>
      </div>
    </>
  );
}
