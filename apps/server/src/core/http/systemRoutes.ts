import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Services } from '../context.ts';
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

  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', metrics.contentType);
    return metrics.metrics();
  });
}
