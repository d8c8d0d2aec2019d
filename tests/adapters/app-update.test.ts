import { describe, expect, it } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import {
  watchAppUpdates,
  type RegisterServiceWorker,
  type WorkerContainer,
} from '../../src/adapters/app-update';

/**
 * Stands in for vite-plugin-pwa's registerSW and navigator.serviceWorker: the
 * test plays the browser's events. `controller` is the worker serving the page
 * when it starts (null: loaded from the network, the first visit).
 */
function fakeBrowser(controller: object | null) {
  const changes: (() => void)[] = [];
  const container: WorkerContainer & { controller: object | null } = {
    controller,
    addEventListener: (_type, listener) => changes.push(listener),
  };
  const browser = {
    options: {} as RegisterSWOptions,
    skipWaitingRequests: 0,
    reloads: 0,
    register: ((options) => {
      browser.options = options;
      return async () => {
        browser.skipWaitingRequests += 1;
      };
    }) as RegisterServiceWorker,
    /** A worker takes control of the page (clients.claim). */
    takeOver(worker: object) {
      container.controller = worker;
      for (const change of changes) change();
    },
    start() {
      return watchAppUpdates(browser.register, container, () => (browser.reloads += 1));
    },
  };
  return browser;
}

describe('following new versions of the app', () => {
  it('announces a waiting version and applies it only when asked, then reloads', () => {
    const browser = fakeBrowser({ version: 1 });
    const updates = browser.start();
    const seen: string[] = [];
    updates.subscribe(() => seen.push(updates.state()));
    expect(updates.state()).toBe('current');

    updates.apply();
    expect(browser.skipWaitingRequests).toBe(0);

    browser.options.onNeedRefresh!();
    expect(updates.state()).toBe('ready');
    expect(browser.skipWaitingRequests).toBe(0);
    expect(browser.reloads).toBe(0);

    updates.apply();
    expect(updates.state()).toBe('applying');
    expect(browser.skipWaitingRequests).toBe(1);
    updates.apply();
    expect(browser.skipWaitingRequests).toBe(1);
    expect(browser.reloads).toBe(0);

    browser.takeOver({ version: 2 });
    expect(browser.reloads).toBe(1);
    expect(seen).toEqual(['ready', 'applying']);
  });

  it('on a first visit, is not fooled by the first worker taking over, and still reloads into the next version', () => {
    const browser = fakeBrowser(null);
    const updates = browser.start();
    browser.takeOver({ version: 1 });
    expect(updates.state()).toBe('current');
    expect(browser.reloads).toBe(0);

    browser.options.onNeedRefresh!();
    updates.apply();
    browser.takeOver({ version: 2 });
    expect(browser.reloads).toBe(1);
  });

  it('never lets the plugin reload the page by itself', () => {
    const browser = fakeBrowser({ version: 1 });
    browser.start();
    browser.options.onNeedRefresh!();
    browser.options.onNeedReload!();
    expect(browser.reloads).toBe(0);
  });

  it('does not reload when another tab applied the new version, but says this one must', () => {
    const browser = fakeBrowser({ version: 1 });
    const updates = browser.start();
    browser.options.onNeedRefresh!();
    browser.takeOver({ version: 2 });
    expect(updates.state()).toBe('reload-pending');
    expect(browser.reloads).toBe(0);
    expect(browser.skipWaitingRequests).toBe(0);
    // A late notice of the (already applied) version does not bring the prompt back.
    browser.options.onNeedRefresh!();
    expect(updates.state()).toBe('reload-pending');
    updates.reload();
    expect(browser.reloads).toBe(1);
  });

  it('stops telling a listener once it unsubscribed', () => {
    const browser = fakeBrowser({ version: 1 });
    const updates = browser.start();
    let calls = 0;
    const unsubscribe = updates.subscribe(() => (calls += 1));
    browser.options.onNeedRefresh!();
    unsubscribe();
    updates.apply();
    expect(calls).toBe(1);
  });
});
