import type { FastifyError, FastifyInstance } from 'fastify';
import { isDatabaseUnavailable } from '../db/database-errors';
import { HttpError } from './http-error';

export const DATABASE_DOWN_MESSAGE =
  'the database is unreachable right now; nothing was changed. Try again in a few seconds.';

/** Every error leaves as JSON with a message a person can read; internals stay in the log. */
export function installErrorReplies(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | Error, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.status).send({ message: error.message, ...error.extra });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply.code(503).header('retry-after', '5').send({ message: DATABASE_DOWN_MESSAGE });
    }
    const status = (error as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.code(status).send({ message: error.message });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply
      .code(500)
      .send({ message: 'the server failed on this request; it has been logged' });
  });
}
