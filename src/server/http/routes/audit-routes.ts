import { auditCsv, listAudit, recordAudit } from '../../store/audit-log';
import { auditQuery } from '../api-schemas';
import { memberRoute, type Route } from '../route';

/** An export holds the whole log, newest first, up to this many entries. */
const CSV_LIMIT = 100_000;

export const auditRoutes: Route[] = [
  memberRoute(
    {
      method: 'GET',
      path: '/api/audit',
      summary: 'The audit log, newest first; page back with `before`',
      tag: 'audit',
      access: ['owner'],
      query: auditQuery,
      responses: { 200: { description: 'entries' } },
    },
    async ({ query, context }) => ({
      entries: await listAudit(context.db, { limit: query.limit, before: query.before ?? null }),
    }),
  ),
  memberRoute(
    {
      method: 'GET',
      path: '/api/audit.csv',
      summary:
        'The audit log as CSV (UTF-8 with BOM; formula cells neutralised); the export is itself logged',
      tag: 'audit',
      access: ['owner'],
      responses: { 200: { description: 'CSV', contentType: 'text/csv' } },
    },
    async ({ member, reply, context }) => {
      const csv = await context.db.transaction(async (tx) => {
        await recordAudit(tx, {
          actor: member,
          action: 'exported',
          targetType: 'audit-log',
          targetId: 'audit.csv',
        });
        return auditCsv(await listAudit(tx, { limit: CSV_LIMIT, before: null }));
      });
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="moatscore-audit.csv"');
      return csv;
    },
  ),
];
