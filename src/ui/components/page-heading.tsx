import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The screen's h1. It takes focus when it appears or `focusKey` changes, so a
 * screen-reader user hears where they are after every step.
 */
export function PageHeading({
  children,
  focusKey,
  caption,
}: {
  children: ReactNode;
  focusKey?: string;
  caption?: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <header className="page-heading">
      {caption !== undefined && <p className="caption">{caption}</p>}
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
    </header>
  );
}
