import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import type { Services } from '../context.ts';
import { Forbidden, Unauthenticated } from '../errors.ts';
import { openApiDocument } from './route.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Shutdown has begun: `/readyz` answers 503 from now on, so load balancers stop sending new clients. */
    startDraining(): void;
  }
}

/** Health, readiness, metrics and the API description. */
export function systemRoutes(app: FastifyInstance, services: Services, metrics: Registry) {
  healthRoutes(app, services, metrics);
  app.get('/api/v1/openapi.json', async () => openApiDocument(app, services.config.publicUrl));
}

/**
 * What operators and load balancers ask every node, worker nodes included: `/healthz` (the process is alive),
 * `/readyz` (it can serve: not shutting down, database and bus reachable) and `/metrics`.
 */
export function healthRoutes(app: FastifyInstance, services: Services, metrics: Registry) {
  let draining = false;
  app.decorate('startDraining', () => {
    draining = true;
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const [database, bus] = await Promise.all([
      services.db.query('select 1').then(
        () => true,
        () => false,
      ),
      services.bus.ping(),
    ]);
    const ready = database && bus && !draining;
    if (!ready) reply.code(503).header('retry-after', '5');
    return { status: draining ? 'draining' : ready ? 'ready' : 'unavailable', database, bus };
  });

  app.get('/metrics', async (request, reply) => {
    mayScrape(services.config.metricsToken, request, reply);
    reply.header('content-type', metrics.contentType);
    return metrics.metrics();
  });
}

const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * Metrics name routes, queues and load: not for the public. With a token, a scraper must send it as a bearer token;
 * without one, only this machine may ask, and not through a proxy (nginx on the same machine connects from
 * loopback too, but says whom it forwards for).
 */
function mayScrape(token: string | undefined, request: FastifyRequest, reply: FastifyReply): void {
  if (token) {
    const sent = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '');
    const expected = Buffer.from(token);
    if (sent.length === expected.length && timingSafeEqual(sent, expected)) return;
    reply.header('www-authenticate', 'Bearer realm="metrics"');
    throw new Unauthenticated('Send the metrics token as Authorization: Bearer <WARMLINE_METRICS_TOKEN>.');
  }
  const address = request.socket.remoteAddress ?? '';
  const loopback = address === '::1' || /^(::ffff:)?127\./.test(address);
  if (loopback && !PROXY_HEADERS.some((name) => request.headers[name] !== undefined)) return;
  throw new Forbidden('Metrics are served only to this machine; set WARMLINE_METRICS_TOKEN to scrape them from elsewhere.');
}
