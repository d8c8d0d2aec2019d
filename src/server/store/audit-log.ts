import { toCsv } from '../../core/csv-export';
import type { Queryable } from '../db/database';
import { toIso, toNumber } from '../db/database';

export const AUDIT_ACTIONS = [
  'invited',
  'joined',
  'created',
  'changed',
  'submitted',
  'revealed',
  'exported',
  'deleted',
  'removed',
  'restored',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  /** null for the command line, which acts as the server's operator. */
  actor: { id: string; username: string } | null;
  action: AuditAction;
  targetType: 'member' | 'invitation' | 'assessment' | 'deal' | 'rubric' | 'audit-log' | 'backup';
  targetId: string;
  deal?: string | null;
  detail?: string;
}

export interface AuditRecord {
  id: number;
  at: string;
  actorId: string | null;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  deal: string | null;
  detail: string;
}

/** Written in the same transaction as the change it records, so neither exists without the other. */
export async function recordAudit(q: Queryable, entry: AuditEntry): Promise<void> {
  await q.query(
    `insert into audit_log (actor_id, actor, action, target_type, target_id, deal, detail)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      entry.actor?.id ?? null,
      entry.actor?.username ?? 'command line',
      entry.action,
      entry.targetType,
      entry.targetId,
      entry.deal ?? null,
      entry.detail ?? '',
    ],
  );
}

interface AuditRow {
  id: unknown;
  at: unknown;
  actor_id: string | null;
  actor: string;
  action: string;
  target_type: string;
  target_id: string;
  deal: string | null;
  detail: string;
}

/** Newest first; `before` pages back by id. */
export async function listAudit(
  q: Queryable,
  options: { limit: number; before: number | null },
): Promise<AuditRecord[]> {
  const rows = await q.query<AuditRow>(
    `select id, at, actor_id, actor, action, target_type, target_id, deal, detail
       from audit_log where ($1::bigint is null or id < $1::bigint)
      order by id desc limit $2`,
    [options.before, options.limit],
  );
  return rows.map((row) => ({
    id: toNumber(row.id),
    at: toIso(row.at),
    actorId: row.actor_id,
    actor: row.actor,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    deal: row.deal,
    detail: row.detail,
  }));
}

const AUDIT_COLUMNS = [
  'id',
  'at',
  'actor',
  'actor_id',
  'action',
  'target_type',
  'target_id',
  'deal',
  'detail',
];

/** The core's CSV writer: BOM, CRLF, and any cell a spreadsheet would run as a formula neutralised. */
export function auditCsv(records: readonly AuditRecord[]): string {
  return toCsv(
    AUDIT_COLUMNS,
    records.map((r) => [
      r.id,
      r.at,
      r.actor,
      r.actorId,
      r.action,
      r.targetType,
      r.targetId,
      r.deal,
      r.detail,
    ]),
  );
}
