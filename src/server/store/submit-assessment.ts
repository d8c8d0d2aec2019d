import { validateAssessment } from '../../core/assessment-file';
import { scoreAssessmentFile } from '../../core/score-assessment-file';
import type { Member } from '../auth/member';
import type { Database } from '../db/database';
import { toIsoOrNull } from '../db/database';
import { HttpError, notFound } from '../http/http-error';
import { recordAudit } from './audit-log';
import {
  lockAssessmentMeta,
  lockAssessmentRow,
  recordFromRow,
  type AssessmentRecord,
} from './assessment-records';
import { recordChange } from './changes';

/**
 * Marks the author's assessment final and shares it with the fund. The
 * revision names what the author saw, so a stale tab cannot submit an older
 * text; submitting again is a no-op, so a retry is safe.
 */
export async function submitAssessment(
  db: Database,
  member: Member,
  id: string,
  revision: number,
): Promise<AssessmentRecord> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`assessment:${id}`]);
    const row = await lockAssessmentRow(tx, id);
    if (row === null || row.author_id !== member.id) throw notFound('assessment');
    const current = recordFromRow(row);
    if (row.revision !== revision) {
      throw new HttpError(
        409,
        `the server has revision ${row.revision}; you submitted ${revision}`,
        {
          code: 'revision-conflict',
          current,
        },
      );
    }
    if (row.submitted_at !== null) return current;
    const parsed = validateAssessment(current.assessment);
    if (!parsed.ok) throw new Error(`stored assessment ${id} no longer validates`);
    const results = scoreAssessmentFile(parsed.value);
    if (!results.complete) {
      throw new HttpError(
        422,
        `only complete assessments can be submitted: ${results.answeredCount} of ${results.totalCount} criteria answered`,
      );
    }
    const [submitted] = await tx.query<{ submitted_at: unknown }>(
      'update assessments set submitted_at = now() where id = $1 returning submitted_at',
      [id],
    );
    await recordAudit(tx, {
      actor: member,
      action: 'submitted',
      targetType: 'assessment',
      targetId: id,
      deal: row.deal,
    });
    await recordChange(tx, { kind: 'submitted', audience: 'team', deal: row.deal });
    return { ...current, submittedAt: toIsoOrNull(submitted!.submitted_at) };
  });
}

/** The author may delete a draft; an owner may delete any assessment. */
export async function deleteAssessment(db: Database, member: Member, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`assessment:${id}`]);
    const row = await lockAssessmentMeta(tx, id);
    const own = row !== null && row.author_id === member.id;
    if (row === null || (!own && member.role !== 'owner')) throw notFound('assessment');
    if (own && row.submitted_at !== null && member.role !== 'owner') {
      throw new HttpError(409, 'a submitted assessment is final; an owner can delete it', {
        code: 'submitted',
      });
    }
    await tx.query('delete from assessments where id = $1', [id]);
    await recordAudit(tx, {
      actor: member,
      action: 'deleted',
      targetType: 'assessment',
      targetId: id,
      deal: row.deal,
      detail: own ? '' : `written by ${row.author_name}`,
    });
    if (row.submitted_at !== null) {
      await recordChange(tx, { kind: 'assessment-deleted', audience: 'team', deal: row.deal });
    } else {
      await recordChange(tx, {
        kind: 'assessment-changed',
        audience: 'member',
        memberId: row.author_id,
        deal: row.deal,
        assessmentId: id,
      });
    }
  });
}
