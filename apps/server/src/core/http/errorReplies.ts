import type { FastifyError, FastifyInstance } from 'fastify';
import { isConnectionError } from '../db/client.ts';
import { AppError, DatabaseUnavailable, RateLimited, Unavailable } from '../errors.ts';

/** The one place errors become HTTP: `{"error":{"code","message","details"}}`. A 500 is a bug, logged. */
export function errorReplies(app: FastifyInstance) {
  app.setErrorHandler((thrown: FastifyError | AppError, request, reply) => {
    // The database port reports a lost connection as DatabaseUnavailable; this catches one that slipped past it.
    const err = isConnectionError(thrown) ? new DatabaseUnavailable((thrown as Error).message) : thrown;
    if (err instanceof AppError) {
      if (err instanceof RateLimited || err instanceof Unavailable) reply.header('retry-after', String(err.retryAfterSeconds));
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    const fastifyError = err as FastifyError;
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({ error: { code: 'payload_too_large', message: 'The request body is too large.' } });
    }
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({ error: { code: 'invalid', message: 'Send JSON with content-type: application/json.' } });
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const message =
        fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
          ? 'The request body is not valid JSON.'
          : fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? 'The request body is empty; send a JSON object.'
            : fastifyError.message;
      return reply.code(fastifyError.statusCode).send({ error: { code: 'invalid', message } });
    }
    request.log.error({ err }, 'unexpected error');
    return reply
      .code(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on our side. It has been logged.' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}.` } }),
  );
}
