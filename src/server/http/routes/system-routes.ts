import { openEventStream } from '../../events/event-stream';
import { errorBody } from '../api-schemas';
import { buildOpenApi } from '../openapi';
import { memberRoute, publicRoute, type Route } from '../route';

/** Routes about the server itself; `routes` is the whole table, for the OpenAPI document. */
export function systemRoutes(routes: () => readonly Route[]): Route[] {
  let document: unknown = null;
  return [
    publicRoute(
      {
        method: 'GET',
        path: '/api/health',
        summary: 'Whether the server can reach its database',
        tag: 'system',
        access: 'public',
        responses: {
          200: { description: 'up' },
          503: { description: 'the database is unreachable', schema: errorBody },
        },
      },
      async ({ context }) => {
        await context.db.query('select 1');
        return { status: 'ok', database: context.db.kind };
      },
    ),
    publicRoute(
      {
        method: 'GET',
        path: '/api/openapi.json',
        summary: 'This API, as OpenAPI 3.1',
        tag: 'system',
        access: 'public',
        responses: { 200: { description: 'the OpenAPI document' } },
      },
      async () => {
        document ??= buildOpenApi(routes());
        return document;
      },
    ),
    memberRoute(
      {
        method: 'GET',
        path: '/api/events',
        summary:
          'Server-sent events: deal-changed, assessment-changed, signed-out (names only, never content)',
        tag: 'system',
        access: 'signed-in',
        responses: { 200: { description: 'an event stream', contentType: 'text/event-stream' } },
      },
      async ({ request, reply, session, context }) => {
        openEventStream(request, reply, session, context);
        return reply;
      },
    ),
  ];
}
