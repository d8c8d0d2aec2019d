import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AppUpdates, UpdateState } from '../adapters/app-update';

export interface AppUpdate {
  state: UpdateState;
  apply: () => void;
  reload: () => void;
}

const noUpdates: AppUpdates = {
  state: () => 'current',
  subscribe: () => () => undefined,
  apply: () => undefined,
  reload: () => undefined,
};

/**
 * Registers the service worker once the page has loaded, and follows new
 * versions. Only in a build: `npm run dev` serves fresh files anyway, and a
 * worker there would cache them.
 */
export function useAppUpdate(): AppUpdate {
  const [updates, setUpdates] = useState<AppUpdates>(noUpdates);

  useEffect(() => {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    const start = () => {
      // Its own chunk: the first screen neither downloads nor waits for it.
      import('../adapters/register-service-worker')
        .then(({ startAppUpdates }) => {
          if (!cancelled) setUpdates(startAppUpdates());
        })
        // Without the worker the app still works, only not offline: try again next visit.
        .catch(() => undefined);
    };
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
    return () => {
      cancelled = true;
      window.removeEventListener('load', start);
    };
  }, []);

  const state = useSyncExternalStore(updates.subscribe, updates.state);
  return { state, apply: updates.apply, reload: updates.reload };
}
