import { createHash } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../errors.ts';
import { replyFor } from '../replies.ts';
import { sizeInWords } from './byteSize.ts';

/** Errors as HTTP: `{"error":{"code","message","details"}}` from core/replies.ts; a 500 is a bug, logged. */
export function errorReplies(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    const answer = replyFor(err);
    if (!answer.unexpected) {
      if (answer.retryAfterSeconds !== undefined) reply.header('retry-after', String(answer.retryAfterSeconds));
      return reply.code(answer.status).send({ error: answer.error });
    }
    const fastifyError = err as FastifyError;
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // A content type with a parser of its own (a CSV import) has that parser's limit, which Fastify does not tell.
      const type = request.headers['content-type']?.split(';')[0]?.trim() || 'application/json';
      const message =
        type === 'application/json'
          ? `The request body is over the ${sizeInWords(request.routeOptions.bodyLimit)} limit.`
          : `The request body is over the limit for ${type} on this route.`;
      return reply.code(413).send({ error: { code: 'payload_too_large', message } });
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
    return reply.code(500).send({ error: answer.error });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (wantsPage(request, path)) {
      return reply
        .code(404)
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', NOT_FOUND_POLICY)
        .header('x-frame-options', 'DENY')
        .send(NOT_FOUND_PAGE);
    }
    return reply.code(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${path}.` } });
  });
}

/** A person's browser asking for a page (not the API, not a program asking for JSON) is answered with one. */
function wantsPage(request: FastifyRequest, path: string): boolean {
  if (path === '/api' || path.startsWith('/api/')) return false;
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  return /\btext\/html\b/.test(request.headers.accept ?? '');
}

const NOT_FOUND_STYLE =
  'body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#faf6f1;color:#2b2520}' +
  'main{max-width:32rem;margin:18vh auto;padding:0 24px}h1{font-size:24px;margin:0 0 8px}' +
  'p{color:#5d544c}a{color:#b4461f;font-weight:600}';

/** Not the address asked for (never echoed back): a plain page with the way to the app. */
const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page not found · Warmline</title><style>${NOT_FOUND_STYLE}</style></head>
<body><main>
<h1>Nothing lives here</h1>
<p>There is no page at this address. The link may be mistyped, or the page has moved.</p>
<p><a href="/app">Open Warmline</a></p>
</main></body>
</html>
`;

const NOT_FOUND_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(NOT_FOUND_STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Errors Fastify meets before routing, set as its `frameworkErrors` option: a URL whose percent-escapes are not
 * UTF-8 (`%ED%A0%80`, `%E0%A4%A`) is a 400 in the one error shape, not Fastify's own.
 */
export function frameworkErrorReply(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_BAD_URL') {
    const message = 'The URL is not valid: each %-escape must spell UTF-8 text.';
    return reply.code(400).send({ error: { code: 'invalid', message } });
  }
  request.log.error({ err }, 'unexpected error');
  return reply.code(500).send({ error: replyFor(err).error });
}
