import { TEAM_SERVER_META } from '../core/team-server-meta';
import type { KeyValueStorage } from './key-value-storage';
import type { TeamMember } from './team-api';

const MEMBER_KEY = 'moatscore.team-member';

/** Whether this page was served by a team server (which marks it): only then is there anyone to sign in to. */
export function servedByTeamServer(): boolean {
  return document.querySelector(`meta[name="${TEAM_SERVER_META}"]`) !== null;
}

/**
 * Who was last signed in on this device, so team mode (and its queue) works
 * offline from the first screen; the server still decides on every request.
 */
export function readMembership(storage: KeyValueStorage | null): TeamMember | null {
  const text = storage?.get(MEMBER_KEY) ?? null;
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<TeamMember>;
    if (
      typeof value.id === 'string' &&
      typeof value.username === 'string' &&
      (value.role === 'owner' || value.role === 'partner' || value.role === 'founder') &&
      (value.deal === null || typeof value.deal === 'string')
    ) {
      return { id: value.id, username: value.username, role: value.role, deal: value.deal };
    }
  } catch {
    // Not ours, or cut short: as if nobody had signed in.
  }
  return null;
}

export function writeMembership(storage: KeyValueStorage | null, member: TeamMember | null): void {
  try {
    if (member === null) storage?.remove(MEMBER_KEY);
    else storage?.set(MEMBER_KEY, JSON.stringify(member));
  } catch {
    // Without it, the app asks the server who is signed in on the next start.
  }
}

const SIGN_OUT_KEY = 'moatscore.team-sign-out-pending';

/**
 * Signing out while the server cannot be reached ends the session on this
 * device only; the cookie (HttpOnly, out of the page's reach) still holds a
 * live session. This remembers to end it on the server once it answers.
 */
export function markSignOutPending(storage: KeyValueStorage | null, pending: boolean): void {
  try {
    if (pending) storage?.set(SIGN_OUT_KEY, '1');
    else storage?.remove(SIGN_OUT_KEY);
  } catch {
    // Without it, the server's session ends at its expiry instead.
  }
}

export function isSignOutPending(storage: KeyValueStorage | null): boolean {
  return storage?.get(SIGN_OUT_KEY) === '1';
}
