// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { preloadable } from '../../src/app/preloadable';

afterEach(cleanup);

/** A screen with state of its own: a counter the user clicks. */
function Counter({ label }: { label: string }) {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount((n) => n + 1)}>
      {label} {count}
    </button>
  );
}

/** A module load the test resolves (or fails) when it chooses, counting the attempts. */
function controlledLoad() {
  const attempts: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const load = () =>
    new Promise<{ default: typeof Counter }>((resolve, reject) => {
      attempts.push({ resolve: () => resolve({ default: Counter }), reject });
    });
  return { load, attempts };
}

const shown = (Component: (props: { label: string }) => React.JSX.Element) =>
  render(
    <Suspense fallback={<p>Loading…</p>}>
      <Component label="Clicks" />
    </Suspense>,
  );

describe('a preloadable screen', () => {
  it('is drawn at once, without the loading fallback, when its code came in ahead', async () => {
    const { load, attempts } = controlledLoad();
    const Screen = preloadable(load);
    const preloading = Screen.preload();
    attempts[0]!.resolve();
    await preloading;
    shown(Screen);
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByRole('button')).toHaveTextContent('Clicks 0');
  });

  it('shows the fallback until its code arrives when nobody fetched it ahead, and keeps its state after', async () => {
    const { load, attempts } = controlledLoad();
    const Screen = preloadable(load);
    const view = shown(Screen);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await act(async () => attempts[0]!.resolve());
    await userEvent.click(await screen.findByRole('button'));
    // A re-render after the code is in must not swap the component and lose the count.
    view.rerender(
      <Suspense fallback={<p>Loading…</p>}>
        <Screen label="Clicks" />
      </Suspense>,
    );
    expect(screen.getByRole('button')).toHaveTextContent('Clicks 1');
    expect(attempts).toHaveLength(1);
  });

  it('fetches again after a failed preload (offline), and the failure reaches no one', async () => {
    const { load, attempts } = controlledLoad();
    const Screen = preloadable(load);
    const first = Screen.preload();
    attempts[0]!.reject(new Error('offline'));
    await expect(first).resolves.toBeUndefined();
    const second = Screen.preload();
    expect(attempts).toHaveLength(2);
    attempts[1]!.resolve();
    await second;
    shown(Screen);
    expect(screen.getByRole('button')).toHaveTextContent('Clicks 0');
  });
});
