import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

/**
 * Where this tab stands with a new version of the app:
 * - `current`: nothing new.
 * - `ready`: a new version is installed and waits for the user's word.
 * - `applying`: the user said reload here; the page reloads once the new version takes over.
 * - `reload-pending`: the user said reload in another tab. The new version already
 *   serves this one, whose code is old: it must reload, but only when no form is being filled in.
 */
export type UpdateState = 'current' | 'ready' | 'applying' | 'reload-pending';

/** vite-plugin-pwa's `registerSW` (virtual:pwa-register), passed in so tests can stand in for it. */
export type RegisterServiceWorker = (
  options: RegisterSWOptions,
) => (reloadPage?: boolean) => Promise<void>;

export interface AppUpdates {
  state(): UpdateState;
  /** Calls `listener` on every change of state; returns the unsubscribe (for useSyncExternalStore). */
  subscribe(listener: () => void): () => void;
  /** The user's word: the waiting version takes over, then this page reloads. */
  apply(): void;
  /** Reloads this page now (for `reload-pending`, once nothing is being filled in). */
  reload(): void;
}

/** A tab left open for days still hears of new versions: look again when shown, at most this often. */
const CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** The part of `navigator.serviceWorker` this needs (tests pass a stand-in). */
export interface WorkerContainer {
  readonly controller: object | null;
  addEventListener(type: 'controllerchange', listener: () => void): void;
}

/**
 * Registers the service worker and follows its updates. Nothing reloads the
 * page unless a person asked for it: the worker itself never skips waiting.
 */
export function watchAppUpdates(
  register: RegisterServiceWorker,
  container: WorkerContainer,
  reloadPage: () => void,
): AppUpdates {
  let state: UpdateState = 'current';
  const listeners = new Set<() => void>();
  const set = (next: UpdateState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };

  // A worker replacing another is a new version taking over this page; the
  // first worker claiming a page it served from the network is not. (The
  // plugin's own test for this misses pages first loaded without a worker.)
  let controller = container.controller;
  container.addEventListener('controllerchange', () => {
    const replaced = controller !== null;
    controller = container.controller;
    if (!replaced) return;
    if (state === 'applying') reloadPage();
    else set('reload-pending');
  });

  const updateServiceWorker = register({
    onNeedRefresh: () => {
      if (state === 'current') set('ready');
    },
    // The plugin would reload every open tab, one mid-assessment included: the app decides (above).
    onNeedReload: () => undefined,
    onRegisteredSW: (_url, registration) => {
      if (registration !== undefined) checkWhenShown(registration);
    },
  });

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply() {
      if (state !== 'ready') return;
      set('applying');
      void updateServiceWorker();
    },
    reload: reloadPage,
  };
}

function checkWhenShown(registration: ServiceWorkerRegistration): void {
  let lastCheck = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || !navigator.onLine) return;
    if (Date.now() - lastCheck < CHECK_INTERVAL_MS) return;
    lastCheck = Date.now();
    // A failed check (a flaky network) is tried again next time.
    registration.update().catch(() => undefined);
  });
}
