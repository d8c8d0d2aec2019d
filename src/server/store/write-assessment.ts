import { createHash } from 'node:crypto';
import { serializeAssessment } from '../../core/assessment-file';
import type { Assessment } from '../../core/schema';
import type { Member } from '../auth/member';
import type { Database, Queryable } from '../db/database';
import { toIso } from '../db/database';
import { HttpError } from '../http/http-error';
import { recordAudit } from './audit-log';
import {
  findVisibleAssessment,
  lockAssessmentMeta,
  readAssessmentRecord,
  type AssessmentRecord,
} from './assessment-records';
import { recordChange } from './changes';

export interface AssessmentWrite {
  id: string;
  /** Chosen by the client per write; a retry sends the same one. */
  writeId: string;
  /** The revision this edit started from; 0 creates. */
  baseRevision: number;
  assessment: Assessment;
}

/** 409 bodies carry a `code` so a client knows what to do with its copy. */
export type ConflictCode = 'revision-conflict' | 'submitted' | 'missing' | 'id-taken';

function conflict(
  code: ConflictCode,
  message: string,
  current: AssessmentRecord | null,
): HttpError {
  return new HttpError(409, message, { code, current });
}

/**
 * Saves one edit by the assessment's author. A write based on an older
 * revision than the server's is refused with the server's version (409),
 * never merged. The same writeId sent again returns what the first attempt
 * did, so a client may retry after a timeout or a server restart.
 */
export async function writeAssessment(
  db: Database,
  member: Member,
  write: AssessmentWrite,
): Promise<AssessmentRecord> {
  checkWriteAllowed(member, write);
  const body = serializeAssessment(write.assessment);
  const requestHash = createHash('sha256')
    .update(`${write.id}\n${write.baseRevision}\n${body}`)
    .digest('hex');

  return db.transaction(async (tx) => {
    // One writer per assessment id at a time, creation included (no row to lock yet).
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`assessment:${write.id}`]);
    const replay = await replayOf(tx, member, write, requestHash);
    if (replay !== undefined) return replay;

    const existing = await lockAssessmentMeta(tx, write.id);
    if (existing !== null && existing.author_id !== member.id) {
      throw conflict(
        'id-taken',
        'another member has an assessment with this id; save yours under a new id',
        null,
      );
    }
    if (existing === null && write.baseRevision !== 0) {
      throw conflict(
        'missing',
        'this assessment is no longer on the server (it was deleted); keep your copy or save it as new',
        null,
      );
    }
    if (existing !== null && existing.submitted_at !== null) {
      throw conflict(
        'submitted',
        'this assessment was submitted and is final',
        await readAssessmentRecord(tx, write.id),
      );
    }
    if (existing !== null && existing.revision !== write.baseRevision) {
      throw conflict(
        'revision-conflict',
        `the server has revision ${existing.revision}; this edit was based on ${write.baseRevision}`,
        await readAssessmentRecord(tx, write.id),
      );
    }
    if (existing !== null && existing.deal !== write.assessment.deal) {
      throw new HttpError(
        422,
        `an assessment cannot move from deal "${existing.deal}" to "${write.assessment.deal}"; save it under a new id`,
      );
    }

    const revision = write.baseRevision + 1;
    const created = await tx.query<{ key: string }>(
      'insert into deals (key, name) values ($1, $2) on conflict (key) do nothing returning key',
      [write.assessment.deal, write.assessment.company.name],
    );
    const stored =
      existing === null
        ? await tx.query<{ created_at: unknown; updated_at: unknown }>(
            `insert into assessments (id, deal, author_id, revision, body) values ($1, $2, $3, $4, $5)
             returning created_at, updated_at`,
            [write.id, write.assessment.deal, member.id, revision, body],
          )
        : await tx.query<{ created_at: unknown; updated_at: unknown }>(
            `update assessments set revision = $2, body = $3, updated_at = now() where id = $1
             returning created_at, updated_at`,
            [write.id, revision, body],
          );
    await tx.query(
      `insert into assessment_writes (write_id, assessment_id, member_id, revision, request_hash)
       values ($1, $2, $3, $4, $5)`,
      [write.writeId, write.id, member.id, revision, requestHash],
    );
    await recordAudit(tx, {
      actor: member,
      action: existing === null ? 'created' : 'changed',
      targetType: 'assessment',
      targetId: write.id,
      deal: write.assessment.deal,
      detail: `revision ${revision}`,
    });
    await recordChange(tx, {
      kind: 'assessment-changed',
      audience: 'member',
      memberId: member.id,
      deal: write.assessment.deal,
      assessmentId: write.id,
    });
    // A new deal joins every owner's and partner's list (its name only, never its content):
    // in blind scoring nothing else would tell a partner it exists.
    if (created.length > 0) {
      await recordChange(tx, {
        kind: 'deal-created',
        audience: 'team',
        deal: write.assessment.deal,
      });
    }
    // Built from what was just written, rather than read back: the body is tens of kilobytes.
    return {
      id: write.id,
      deal: write.assessment.deal,
      author: { id: member.id, username: member.username },
      revision,
      createdAt: toIso(stored[0]!.created_at),
      updatedAt: toIso(stored[0]!.updated_at),
      submittedAt: null,
      assessment: JSON.parse(body) as unknown,
    };
  });
}

function checkWriteAllowed(member: Member, write: AssessmentWrite): void {
  if (write.assessment.id !== write.id) {
    throw new HttpError(
      422,
      `the assessment's id "${write.assessment.id}" differs from the address (${write.id})`,
    );
  }
  if (write.assessment.deal.trim() === '')
    throw new HttpError(422, 'the assessment has no deal key');
  if (member.role === 'founder') {
    if (write.assessment.deal !== member.deal) {
      throw new HttpError(
        403,
        `a founder guest may only write assessments of their own deal ("${member.deal}")`,
      );
    }
    if (write.assessment.evaluator.role !== 'founder') {
      throw new HttpError(
        422,
        'a founder guest writes a self-assessment: evaluator.role must be "founder"',
      );
    }
  }
}

/** The outcome of an earlier attempt with the same writeId, if there was one. */
async function replayOf(
  tx: Queryable,
  member: Member,
  write: AssessmentWrite,
  requestHash: string,
): Promise<AssessmentRecord | undefined> {
  const rows = await tx.query<{ member_id: string; request_hash: string }>(
    'select member_id, request_hash from assessment_writes where write_id = $1',
    [write.writeId],
  );
  const earlier = rows[0];
  if (earlier === undefined) return undefined;
  if (earlier.member_id !== member.id || earlier.request_hash !== requestHash) {
    throw new HttpError(
      422,
      'this writeId was already used for a different write; send a new writeId for a new edit',
    );
  }
  const current = await findVisibleAssessment(tx, member, write.id);
  if (current === null)
    throw conflict('missing', 'this assessment is no longer on the server (it was deleted)', null);
  return current;
}
