import type { Problem } from '../core/problems';
import type { Assessment } from '../core/schema';

/** A write being sent: retried with the same writeId and body until the server answers it. */
export interface OutgoingWrite {
  writeId: string;
  baseRevision: number;
  /** The local assessment's `updatedAt` this write carries. */
  updatedAt: string;
  assessment: Assessment;
  /** Sent at least once: its outcome may be unknown, so it must not change. */
  attempted: boolean;
}

/**
 * What this device knows of an assessment's place on the team server. Kept
 * apart from the assessment (which stays a plain library record), one per
 * assessment, for the member signed in on this device.
 */
export interface SyncRecord {
  id: string;
  /** The member on this device whose sync this is: another member signing in here ignores it. */
  memberId: string;
  /** Written by that member (else a copy of a teammate's submitted work, read-only). */
  own: boolean;
  author: { id: string; username: string };
  deal: string;
  /** The server's revision this copy is, or is built on; 0 when it was never sent. */
  revision: number;
  /** The assessment's `updatedAt` the server holds: the local copy differs when it has changed since. */
  syncedUpdatedAt: string | null;
  submittedAt: string | null;
  outgoing: OutgoingWrite | null;
  /** The server refused this version: not sent again until it changes. */
  refused: { updatedAt: string; message: string; problems: Problem[] } | null;
  /** Removed from this device: a draft of one's own is deleted on the server; nothing is fetched again. */
  removed: 'delete-on-server' | 'hidden' | null;
}

export function newOwnRecord(
  id: string,
  member: { id: string; username: string },
  deal: string,
): SyncRecord {
  return {
    id,
    memberId: member.id,
    own: true,
    author: { id: member.id, username: member.username },
    deal,
    revision: 0,
    syncedUpdatedAt: null,
    submittedAt: null,
    outgoing: null,
    refused: null,
    removed: null,
  };
}

/**
 * Whether the local copy, last changed at `localUpdatedAt`, holds a change
 * the server has not got and that is not already on its way or refused.
 */
export function hasUnsentChange(record: SyncRecord, localUpdatedAt: string): boolean {
  return (
    record.own &&
    record.removed === null &&
    record.submittedAt === null &&
    localUpdatedAt !== record.syncedUpdatedAt &&
    localUpdatedAt !== record.outgoing?.updatedAt &&
    localUpdatedAt !== record.refused?.updatedAt
  );
}

/**
 * The write to queue for the local copy `assessment`, or null to leave the
 * queue as it is: a write already sent keeps its body (its retry must be
 * identical), and the newer change follows once it is answered.
 */
export function nextOutgoing(
  record: SyncRecord,
  assessment: Assessment,
  newWriteId: () => string,
): OutgoingWrite | null {
  if (!hasUnsentChange(record, assessment.updatedAt)) return null;
  if (record.outgoing?.attempted === true) return null;
  return {
    writeId: newWriteId(),
    baseRevision: record.revision,
    updatedAt: assessment.updatedAt,
    assessment,
    attempted: false,
  };
}

/** Changes waiting to reach the server: a write queued or sent, or a removal to send. */
export function isWaiting(record: SyncRecord): boolean {
  return record.own && (record.outgoing !== null || record.removed === 'delete-on-server');
}
