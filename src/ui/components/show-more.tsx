interface Props {
  /** How many of how many are shown, in words. */
  status: string;
  /** The button's label, naming how many more it shows. */
  label: string;
  onMore: () => void;
}

/** Below a long list shown a page at a time: how much is shown, and a button for the next page. */
export function ShowMore({ status, label, onMore }: Props) {
  return (
    <p className="show-more">
      {status}{' '}
      <button type="button" className="button secondary small" onClick={onMore}>
        {label}
      </button>
    </p>
  );
}
