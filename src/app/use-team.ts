import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AssessmentStore } from '../adapters/assessment-store';
import type { KeyValueStorage } from '../adapters/key-value-storage';
import { randomUuid } from '../adapters/random-uuid';
import type { StorageTrouble } from '../adapters/storage-trouble';
import { SyncStore } from '../adapters/sync-store';
import { TeamApi, type TeamFailure, type TeamMember, type TeamResult } from '../adapters/team-api';
import {
  isSignOutPending,
  markSignOutPending,
  readMembership,
  servedByTeamServer,
  writeMembership,
} from '../adapters/team-membership';
import type { SubmitOutcome, SyncNotice, SyncState, TeamSync } from '../adapters/team-sync';
import { exclusively } from '../adapters/web-locks';

export interface TeamSession {
  /** This page came from a team server: signing in is possible. */
  hosted: boolean;
  /** Who is signed in on this device (remembered, so team mode works offline). */
  member: TeamMember | null;
  /** The sync engine's state; null until it runs. */
  sync: SyncState | null;
  notices: readonly SyncNotice[];
  api: TeamApi;
  signedIn: (member: TeamMember) => void;
  /** Signs out here (or everywhere); teammates' copies leave this device, own work stays. */
  signOut: (everywhere: boolean) => Promise<TeamResult<null>>;
  /** The device's side of signing out, once the server has ended the session(s). */
  leave: () => Promise<void>;
  /** Makes a new assessment a team one: sent to the server and kept in sync. */
  adopt: (id: string, deal: string) => void;
  submit: (id: string) => Promise<SubmitOutcome>;
  reveal: (deal: string) => Promise<TeamResult<null>>;
  dismissNotice: (notice: SyncNotice) => void;
  syncNow: () => void;
}

const api = new TeamApi();

/**
 * Team mode, when the app is served by a team server: who is signed in, and
 * the sync engine over the library once both are known. Without a team
 * server none of this runs, and no request leaves the browser.
 */
export function useTeam(
  storage: KeyValueStorage | null,
  store: AssessmentStore | null,
  tell: {
    onStorageTrouble: (trouble: StorageTrouble) => void;
    onStored: (ids: readonly string[]) => void;
  },
): TeamSession {
  const hosted = useMemo(() => servedByTeamServer(), []);
  const [member, setMember] = useState<TeamMember | null>(() =>
    hosted ? readMembership(storage) : null,
  );
  const [sync, setSync] = useState<SyncState | null>(null);
  const [notices, setNotices] = useState<SyncNotice[]>([]);
  const engine = useRef<TeamSync | null>(null);
  const tellRef = useRef(tell);
  tellRef.current = tell;
  // Assessments started before the engine is up (it loads after the store): adopted once it is.
  const adoptions = useRef<[string, string][]>([]);

  const remember = useCallback(
    (next: TeamMember | null) => {
      const before = readMembership(storage);
      writeMembership(storage, next);
      // Signing in again replaced the cookie of the session left open: nothing to end now.
      if (next !== null) markSignOutPending(storage, false);
      setMember(next);
      // Someone else signs in on this browser: what the last member could see leaves first.
      if (before !== null && next !== null && before.id !== next.id && store !== null) {
        void import('../adapters/team-sync').then(async ({ forgetTeammatesCopies }) =>
          tellRef.current.onStored(
            await forgetTeammatesCopies(store, new SyncStore(store.database), before.id),
          ),
        );
      }
    },
    [storage, store],
  );

  // Someone signed in on this device before: ask the server whether that session still holds
  // (or another tab signed in as someone else). Nobody remembered: nothing to ask.
  useEffect(() => {
    if (!hosted || readMembership(storage) === null) return;
    let live = true;
    void api.session().then((result) => {
      if (live && result.ok && result.value.id !== readMembership(storage)?.id) {
        remember(result.value);
      }
      // Signed out, or the server unreachable: the engine shows which, and keeps the queue.
    });
    return () => {
      live = false;
    };
    // Once per start: later changes come from the engine and the sign-in screens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hosted]);

  useEffect(() => {
    if (!hosted || member === null || store === null) return;
    let current: TeamSync | null = null;
    let cancelled = false;
    void import('../adapters/team-sync').then(({ TeamSync }) => {
      if (cancelled) return;
      current = new TeamSync({
        api,
        store,
        syncStore: new SyncStore(store.database),
        member,
        newId: randomUuid,
        onState: setSync,
        onNotice: (notice) => setNotices((all) => [...all, notice]),
        onStorageTrouble: (trouble) => tellRef.current.onStorageTrouble(trouble),
        onStored: (ids) => tellRef.current.onStored(ids),
        openEvents: () =>
          typeof EventSource === 'undefined' ? null : new EventSource('/api/events'),
        exclusively: (work) => exclusively('moatscore-team-sync', work),
      });
      engine.current = current;
      const started = current;
      void started.start().then(() => {
        for (const [id, deal] of adoptions.current.splice(0)) void started.adopt(id, deal);
      });
    });
    return () => {
      cancelled = true;
      current?.stop();
      engine.current = null;
      setSync(null);
    };
  }, [hosted, member, store]);

  const leave = useCallback(async () => {
    const running = engine.current;
    running?.stop();
    await running?.forgetTeamCopies();
    remember(null);
    setNotices([]);
  }, [remember]);

  const signOut = useCallback(
    async (everywhere: boolean) => {
      const result = everywhere ? await api.signOutEverywhere() : await api.signOut();
      if (!everywhere && !result.ok && unreachable(result.failure)) {
        markSignOutPending(storage, true);
      }
      await leave();
      return result;
    },
    [leave, storage],
  );

  // A sign-out made offline reaches the server at the next start or when the network is back.
  useEffect(() => {
    if (!hosted) return;
    const send = async () => {
      if (!isSignOutPending(storage)) return;
      const result = await api.signOut();
      if (result.ok || !unreachable(result.failure)) markSignOutPending(storage, false);
    };
    void send();
    const online = () => void send();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [hosted, storage]);

  const adopt = useCallback((id: string, deal: string) => {
    if (engine.current === null) adoptions.current.push([id, deal]);
    else void engine.current.adopt(id, deal);
  }, []);
  const submit = useCallback(
    async (id: string): Promise<SubmitOutcome> =>
      engine.current === null
        ? { ok: false, failure: { kind: 'offline' } }
        : engine.current.submit(id),
    [],
  );
  const reveal = useCallback(async (deal: string) => {
    const result = await api.revealDeal(deal);
    engine.current?.syncNow();
    return result;
  }, []);
  const dismissNotice = useCallback(
    (notice: SyncNotice) => setNotices((all) => all.filter((n) => n !== notice)),
    [],
  );
  const syncNow = useCallback(() => engine.current?.syncNow(), []);

  return {
    hosted,
    member,
    sync,
    notices,
    api,
    signedIn: remember,
    signOut,
    leave,
    adopt,
    submit,
    reveal,
    dismissNotice,
    syncNow,
  };
}

/** The server did not get the request: no answer, or its database away. */
function unreachable(failure: TeamFailure): boolean {
  return failure.kind === 'offline' || failure.kind === 'unavailable';
}
