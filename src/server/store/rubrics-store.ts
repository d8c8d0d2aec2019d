import type { Rubric } from '../../core/schema';
import type { Member } from '../auth/member';
import type { Database, Queryable } from '../db/database';
import { toIso } from '../db/database';
import { notFound } from '../http/http-error';
import { recordAudit } from './audit-log';

export interface StoredRubric {
  id: string;
  version: string;
  updatedAt: string;
  rubric: unknown;
}

/** The fund's own rubrics, which owners manage and every member may use. */
export async function listRubrics(q: Queryable): Promise<StoredRubric[]> {
  const rows = await q.query<{ id: string; version: string; updated_at: unknown; body: string }>(
    'select id, version, updated_at, body from rubrics order by id',
  );
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    updatedAt: toIso(row.updated_at),
    rubric: JSON.parse(row.body) as unknown,
  }));
}

export async function saveRubric(
  db: Database,
  member: Member,
  rubric: Rubric,
): Promise<StoredRubric> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ updated_at: unknown; created: boolean }>(
      `insert into rubrics (id, version, body, updated_by) values ($1, $2, $3, $4)
       on conflict (id) do update set version = excluded.version, body = excluded.body,
         updated_by = excluded.updated_by, updated_at = now()
       returning updated_at, (xmax = 0) as created`,
      [rubric.id, rubric.version, JSON.stringify(rubric), member.id],
    );
    const row = rows[0]!;
    await recordAudit(tx, {
      actor: member,
      action: row.created ? 'created' : 'changed',
      targetType: 'rubric',
      targetId: rubric.id,
      detail: `version ${rubric.version}`,
    });
    return { id: rubric.id, version: rubric.version, updatedAt: toIso(row.updated_at), rubric };
  });
}

export async function deleteRubric(db: Database, member: Member, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query('delete from rubrics where id = $1 returning 1', [id]);
    if (rows.length === 0) throw notFound('rubric');
    await recordAudit(tx, { actor: member, action: 'deleted', targetType: 'rubric', targetId: id });
  });
}
