import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Services } from '../../commands/context.ts';
import { openApiDocument } from '../route.ts';

/** Health, readiness, metrics and the API description. */
export function systemRoutes(app: FastifyInstance, services: Services, metrics: Registry) {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const [database, bus] = await Promise.all([
      services.db.query('select 1').then(
        () => true,
        () => false,
      ),
      services.bus.ping(),
    ]);
    if (!database || !bus) reply.code(503).header('retry-after', '5');
    return { status: database && bus ? 'ready' : 'unavailable', database, bus };
  });

  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', metrics.contentType);
    return metrics.metrics();
  });

  app.get('/api/v1/openapi.json', async () => openApiDocument(app, services.config.publicUrl));
}
