import { lazy, type ComponentType } from 'react';

export interface PreloadableComponent<P extends object> {
  (props: P): React.JSX.Element;
  /** Fetches the code now, so that showing the component later does not wait for it; never rejects. */
  preload: () => Promise<void>;
}

/**
 * `React.lazy`, plus a way to fetch the code before it is needed. A lazy
 * component shows its fallback at least 300 ms once it has suspended (React
 * throttles revealing content so it does not flicker); one whose code came
 * in ahead is drawn at once, without suspending at all.
 */
export function preloadable<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): PreloadableComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const start = () =>
    (loading ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        // Offline before the code was cached: a later attempt fetches again.
        loading = null;
        throw error;
      },
    ));
  const Lazy = lazy(start);
  function Preloadable(props: P) {
    // `loaded` is set before the lazy wrapper's promise settles, so once the code is in this
    // is always the loaded component: the element type never switches under mounted state.
    const Component = loaded ?? Lazy;
    return <Component {...props} />;
  }
  // A failed preload costs nothing: showing the component tries again, and says why if it fails.
  Preloadable.preload = () =>
    start().then(
      () => undefined,
      () => undefined,
    );
  return Preloadable;
}
