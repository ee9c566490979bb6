import fastifyCookie from '@fastify/cookie';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Services } from '../commands/context.ts';
import type { createMetrics } from '../metrics.ts';
import type { AgentsOnline } from '../realtime/agentsOnline.ts';
import { realtimeGateway } from '../realtime/gateway.ts';
import { errorReplies } from './middlewares/errors.ts';
import type { RateLimiter } from './middlewares/rateLimit.ts';
import { agentRoutes } from './routes/agents.ts';
import { authRoutes } from './routes/auth.ts';
import { conversationRoutes } from './routes/conversations.ts';
import { customerDataRoutes } from './routes/customerData.ts';
import { customerRoutes } from './routes/customers.ts';
import { empathyRoutes } from './routes/empathy.ts';
import { organizationRoutes } from './routes/organizations.ts';
import { pageRoutes } from './routes/pages.ts';
import { supervisorRoutes } from './routes/supervisor.ts';
import { systemRoutes } from './routes/system.ts';
import { teamRoutes } from './routes/teams.ts';
import { widgetRoutes } from './routes/widget.ts';
import { workspaceRoutes } from './routes/workspace.ts';

export interface HttpApp {
  app: FastifyInstance;
  gateway: ReturnType<typeof realtimeGateway>;
}

/** The HTTP and WebSocket transport, wired to the commands. */
export async function buildHttpApp(
  services: Services,
  deps: { limiter: RateLimiter; metrics: ReturnType<typeof createMetrics>; agentsOnline?: AgentsOnline },
): Promise<HttpApp> {
  const app: FastifyInstance = Fastify({
    loggerInstance: services.log as unknown as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    routerOptions: { ignoreTrailingSlash: true },
  });
  errorReplies(app);
  await app.register(fastifyCookie);
  await app.register(fastifyWebsocket, { options: { maxPayload: 256 * 1024 } });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    deps.metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unknown', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  systemRoutes(app, services, deps.metrics.registry);
  authRoutes(app, services, deps.limiter);
  agentRoutes(app, services);
  conversationRoutes(app, services);
  teamRoutes(app, services);
  supervisorRoutes(app, services);
  customerDataRoutes(app, services);
  workspaceRoutes(app, services);
  widgetRoutes(app, services, deps.limiter);
  customerRoutes(app, services);
  organizationRoutes(app, services);
  empathyRoutes(app, services);
  await pageRoutes(app, services);
  const gateway = realtimeGateway(app, services, deps.limiter, deps.metrics.gateway, deps.agentsOnline);
  return { app, gateway };
}
