import fastifyCookie from '@fastify/cookie';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { realtimeGateway } from './channels/agentSocket/gateway.ts';
import { emailViewRoutes } from './channels/email/emailView.ts';
import { emailMailboxRoutes } from './channels/email/imapMailboxes.ts';
import { storeChannelRoutes } from './channels/store/routes.ts';
import { widgetAttachmentRoutes } from './channels/widget/attachmentRoutes.ts';
import { widgetRoutes } from './channels/widget/routes.ts';
import type { Services } from './core/context.ts';
import { errorReplies, frameworkErrorReply } from './core/http/errorReplies.ts';
import type { RateLimiter } from './core/http/rateLimit.ts';
import { systemRoutes } from './core/http/systemRoutes.ts';
import type { createMetrics } from './core/metrics.ts';
import { authRoutes, invitationRoutes } from './modules/auth/index.ts';
import { agentRemovalRoutes, attachmentRoutes, conversationRoutes, tagRoutes } from './modules/conversations/index.ts';
import { customerDataRoutes, customerRoutes, organizationRoutes } from './modules/customers/index.ts';
import { empathyRoutes } from './modules/empathy/index.ts';
import { fileRoutes } from './modules/files/index.ts';
import type { AgentsOnline } from './modules/realtime/index.ts';
import { reportRoutes } from './modules/reports/index.ts';
import { savedReplyRoutes } from './modules/savedReplies/index.ts';
import { storeRoutes } from './modules/store/index.ts';
import { supervisorRoutes } from './modules/supervisor/index.ts';
import { agentRoutes, teamRoutes } from './modules/teams/index.ts';
import { missedCallRoutes, voiceLineRoutes, voiceRoutes } from './modules/voice/index.ts';
import { workspaceRoutes } from './modules/workspaces/index.ts';
import { pageRoutes } from './pages.ts';
import { storePageRoutes } from './storePages.ts';

/** The policy of an HTML answer that set none: text and Warmline's own images and styles, nothing else. */
export const FALLBACK_PAGE_POLICY =
  "default-src 'none'; img-src 'self'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export interface HttpApp {
  app: FastifyInstance;
  gateway: ReturnType<typeof realtimeGateway>;
}

/** The HTTP and WebSocket transport, wired to the commands. */
export async function buildHttpApp(
  services: Services,
  deps: {
    limiter: RateLimiter;
    metrics: ReturnType<typeof createMetrics>;
    /** This node in the registry (core/nodes): its sockets' ids name it. */
    nodeId: string;
    agentsOnline?: AgentsOnline;
  },
): Promise<HttpApp> {
  const app: FastifyInstance = Fastify({
    loggerInstance: services.log as unknown as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkErrorReply,
  });
  errorReplies(app);
  await app.register(fastifyCookie);
  await app.register(fastifyWebsocket, { options: { maxPayload: 256 * 1024 } });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    // Served over https (PUBLIC_URL), browsers are told to never try plain http for this host again; over
    // http the header would be ignored, and it is not sent. Other hosts of the domain are left alone.
    if (services.config.publicUrl.startsWith('https://')) reply.header('strict-transport-security', 'max-age=31536000');
    // A page that forgot its own policy fails closed: nothing in it runs, loads or frames it.
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html') && !reply.hasHeader('content-security-policy'))
      reply.header('content-security-policy', FALLBACK_PAGE_POLICY);
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
  agentRoutes(app, services, deps.limiter);
  agentRemovalRoutes(app, services);
  invitationRoutes(app, services);
  conversationRoutes(app, services);
  tagRoutes(app, services);
  savedReplyRoutes(app, services);
  teamRoutes(app, services);
  supervisorRoutes(app, services);
  reportRoutes(app, services);
  customerDataRoutes(app, services);
  workspaceRoutes(app, services);
  widgetRoutes(app, services, deps.limiter);
  emailMailboxRoutes(app, services);
  emailViewRoutes(app, services);
  customerRoutes(app, services);
  organizationRoutes(app, services);
  empathyRoutes(app, services);
  fileRoutes(app, services);
  voiceRoutes(app, services);
  voiceLineRoutes(app, services);
  missedCallRoutes(app, services);
  storeRoutes(app, services);
  storeChannelRoutes(app, services, deps.limiter);
  attachmentRoutes(app, services, deps.limiter);
  widgetAttachmentRoutes(app, services, deps.limiter);
  await pageRoutes(app, services);
  storePageRoutes(app, services);
  const gateway = realtimeGateway(app, services, deps.limiter, deps.metrics.gateway, deps.nodeId, deps.agentsOnline);
  return { app, gateway };
}
