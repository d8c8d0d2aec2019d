/** Tabs of this app tell each other which assessments they changed, so each shows the same library. */
const CHANNEL = 'moatscore-library';

export function announceChanges(ids: readonly string[]): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ ids: [...ids] });
  channel.close();
}

/** Calls `changed` with the ids another tab changed; returns the unsubscribe. */
export function onChangesElsewhere(changed: (ids: string[]) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const ids = (event.data as { ids?: unknown } | null)?.ids;
    if (Array.isArray(ids)) changed(ids.filter((id): id is string => typeof id === 'string'));
  };
  return () => channel.close();
}
