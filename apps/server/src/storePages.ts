import path from 'node:path';
import { LocationSlug } from '@warmline/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from './core/context.ts';
import { NotFound } from './core/errors.ts';
import { escapeHtml } from './core/html.ts';
import { getTicket, publicLocation } from './modules/store/index.ts';
import { missingBuild, page, readOrNull, sendPage, webPaths } from './pages.ts';

const LANGS = new Set(['en', 'sw', 'es']);

/** The shell of a store page: the bundle does the rest from the data attributes (no inline script). */
function storePage(title: string, lang: string, data: Record<string, string>): string {
  const attrs = Object.entries(data)
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/store/store.css">
<script src="/store/store.js" defer></script>
</head>
<body${attrs}><div id="store"></div></body>
</html>`;
}

/** Not a store or ticket we know: said kindly, in a page of its own, with a 404. */
const notFoundPage = (what: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Not found</title>
<style>body{font:20px/1.5 system-ui,sans-serif;margin:0;background:#faf7f2;color:#1c1917}main{max-width:32rem;margin:18vh auto;padding:0 1.5rem;text-align:center}h1{font-size:1.8rem}</style></head>
<body><main><h1>We couldn't find that ${what}</h1><p>The link may be old or mistyped. Please ask a member of staff — we are glad to help.</p></main></body>
</html>`;

const langOf = (query: unknown) => {
  const lang = (query as Record<string, unknown>).lang;
  return typeof lang === 'string' && LANGS.has(lang) ? lang : 'en';
};

/** The kiosk at `/kiosk/:slug`, the booking page at `/book/:slug` and the "your turn" page at `/ticket/:token`, public, with the bundle they share. */
export function storePageRoutes(app: FastifyInstance, services: Services) {
  const asset = (file: string, type: string) =>
    app.get(`/store/${file}`, async (_request, reply) => {
      const body = readOrNull(path.join(webPaths.storeDist, file));
      if (!body) return reply.code(503).send({ error: { code: 'unavailable', message: 'The store pages have not been built.' } });
      return reply.header('content-type', `${type}; charset=utf-8`).header('cache-control', 'public, max-age=300').send(body);
    });
  asset('store.js', 'text/javascript');
  asset('store.css', 'text/css');

  const send = (reply: FastifyReply, html: string) =>
    sendPage(reply, services, readOrNull(path.join(webPaths.storeDist, 'store.js')) ? html : missingBuild('store page'), {
      cacheControl: 'no-store',
    });
  const missing = (reply: FastifyReply, what: string) =>
    sendPage(reply.code(404), services, notFoundPage(what), { cacheControl: 'no-store' });

  // The kiosk at the door and the booking page: the same store, found by its slug.
  for (const kind of ['kiosk', 'book'] as const) {
    page(app, `/${kind}/:slug`, async (request, reply) => {
      const slug = LocationSlug.safeParse((request.params as { slug: string }).slug);
      const location = slug.success ? await publicLocation(services, slug.data).catch(orNull) : null;
      if (!location) return missing(reply, 'store');
      const title = `${location.name} · ${location.business.name}`;
      return send(reply, storePage(title, langOf(request.query), { page: kind, slug: location.slug }));
    });
  }

  page(app, '/ticket/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const ticket = token.length <= 200 ? await getTicket(services, token).catch(orNull) : null;
    if (!ticket) return missing(reply, 'ticket');
    return send(reply, storePage(`${ticket.code} · ${ticket.location.name}`, langOf(request.query), { page: 'ticket', token }));
  });
}

/** Not found becomes null; anything else is still an error. */
function orNull(error: unknown): null {
  if (error instanceof NotFound) return null;
  throw error;
}
