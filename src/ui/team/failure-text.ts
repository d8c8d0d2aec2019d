import type { TeamFailure } from '../../adapters/team-api';
import type { TeamText } from '../../i18n/team-text';

/**
 * Why a call to the team server failed, in words a person acts on. Screens
 * word the failures their own context explains (a wrong password, a taken
 * username) before falling back to this.
 */
export function failureReason(failure: TeamFailure, text: TeamText): string {
  switch (failure.kind) {
    case 'offline':
      return text('failure.offline');
    case 'unavailable':
      return text('failure.unavailable');
    case 'signed-out':
      return text('failure.signedOut');
    case 'forbidden':
      return text('failure.forbidden');
    case 'rate-limited':
      return failure.retryAfterSeconds === null
        ? text('failure.rateLimited')
        : text('failure.rateLimitedFor', { minutes: Math.ceil(failure.retryAfterSeconds / 60) });
    case 'not-found':
    case 'gone':
      return text('failure.notThere');
    case 'invalid':
    case 'conflict':
      // The server's own sentence (in English): it names exactly what it refused.
      return text('failure.refused', { message: failure.message });
    case 'server':
      return text('failure.server', { status: failure.status });
  }
}

/** Offline or unavailable: nothing reached the server, and the work on this device is untouched. */
export function isUnreachable(failure: TeamFailure): boolean {
  return failure.kind === 'offline' || failure.kind === 'unavailable';
}
