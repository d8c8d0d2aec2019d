import type { TeamFailure } from '../../adapters/team-api';
import type { MessageKey, Vars } from '../../i18n/t';

/** A failed team request, worded for the person who asked: what happened and whether anything is lost. */
export function teamFailureText(
  failure: TeamFailure,
  t: (key: MessageKey, vars?: Vars) => string,
): string {
  switch (failure.kind) {
    case 'offline':
      return t('sync.failed.offline');
    case 'unavailable':
    case 'rate-limited':
      return t('sync.failed.unavailable');
    case 'signed-out':
      return t('sync.failed.signedOut');
    default:
      return t('sync.failed.other', { message: failure.message });
  }
}
