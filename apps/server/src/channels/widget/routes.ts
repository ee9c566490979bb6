import {
  AppointmentResponse,
  BookCallbackBody,
  BookCallbackResponse,
  CallbackWindowsResponse,
  ConversationParams,
  EntriesQuery,
  EntriesResponse,
  LeaveMessageBody,
  LeaveMessageResponse,
  VisitorLocationsResponse,
  VisitorStoreVisitBody,
  WaitResponse,
  WidgetConfig,
  WidgetConfigParams,
  WidgetMessageBody,
  WidgetMessageResponse,
  WidgetSessionBody,
  WidgetSessionResponse,
} from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import type { RateLimiter } from '../../core/http/rateLimit.ts';
import { route } from '../../core/http/route.ts';
import { appendMessage, forCustomer, getConversation, visitorView } from '../../modules/conversations/index.ts';
import { bookCallback, windowsFor } from '../../modules/routing/index.ts';
import { bookForConversation, locationsForVisitors } from '../../modules/store/index.ts';
import { widgetConfig } from '../../modules/workspaces/index.ts';
import { leaveMessage, startVisitorSession, visitorEntries, visitorWait } from './visitors.ts';

/** The widget's REST side. Cross-origin by design: it runs on the customer's website, with a bearer token, never cookies. */
export function widgetRoutes(app: FastifyInstance, services: Services, limiter: RateLimiter) {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/widget/')) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-headers', 'authorization, content-type');
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-max-age', '600');
    if (request.method === 'OPTIONS') return reply.code(204).send();
  });
  app.options('/api/v1/widget/*', async (_request, reply) => reply.code(204).send());

  route(app, services, {
    method: 'GET',
    url: '/api/v1/widget/config/:key',
    tag: 'widget',
    summary:
      "The workspace's name, greeting, colour and logo, as the widget shows them before anyone writes (public, cached a minute)",
    auth: 'none',
    params: WidgetConfigParams,
    responses: { 200: WidgetConfig },
    handler: async ({ params, reply }) => {
      reply.header('cache-control', 'public, max-age=60');
      return widgetConfig(services, params.key);
    },
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/widget/session',
    tag: 'widget',
    summary: "Start or resume a visitor's session: token, history, who is available and the honest wait",
    auth: 'none',
    body: WidgetSessionBody,
    responses: { 200: WidgetSessionResponse },
    handler: async ({ body, request }) => {
      await limiter.hit(`widget-session:${request.ip}`, services.config.widgetSessionsPerMinute, 60);
      const { actor: _actor, ...session } = await startVisitorSession(services, body, request);
      return session;
    },
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/widget/messages',
    tag: 'widget',
    summary: 'Send a message as the visitor (the WebSocket does the same; idempotent by clientId)',
    auth: 'visitor',
    body: WidgetMessageBody,
    responses: { 201: WidgetMessageResponse, 200: WidgetMessageResponse },
    handler: async ({ actor, body, reply }) => {
      await limiter.hit(`send:${actor.customerId}`, services.config.messagesPerMinute, 60);
      const { entry, created } = await appendMessage(services, actor, body);
      reply.code(created ? 201 : 200);
      return {
        entry: forCustomer(entry),
        conversation: visitorView(await getConversation(services, actor, entry.conversationId)),
      };
    },
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/widget/conversations/:id/entries',
    tag: 'widget',
    summary: "The visitor's own timeline after a seq (no internal notes)",
    auth: 'visitor',
    params: ConversationParams,
    query: EntriesQuery,
    responses: { 200: EntriesResponse },
    handler: async ({ actor, params, query }) => ({
      entries: await visitorEntries(services, actor, { conversationId: params.id, after: query.after, limit: query.limit }),
    }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/widget/leave-message',
    tag: 'widget',
    summary: 'Nobody is free: leave an email and get a named promise of a reply',
    auth: 'visitor',
    body: LeaveMessageBody,
    responses: { 200: LeaveMessageResponse },
    handler: async ({ actor, body, request }) => {
      await limiter.hit(`widget-leave:${request.ip}`, 20, 60);
      return leaveMessage(services, actor, body);
    },
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/widget/wait',
    tag: 'widget',
    summary: 'The honest wait for this visitor right now',
    auth: 'visitor',
    responses: { 200: WaitResponse },
    handler: async ({ actor }) => ({ wait: await visitorWait(services, actor) }),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/widget/callback-windows',
    tag: 'widget',
    summary: 'The callback windows the visitor can choose from, inside opening hours',
    auth: 'visitor',
    responses: { 200: CallbackWindowsResponse },
    handler: async ({ actor }) => windowsFor(services, actor),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/widget/callback',
    tag: 'widget',
    summary: 'Rather than wait: book a call back in a chosen window, keeping the place in line',
    auth: 'visitor',
    body: BookCallbackBody,
    responses: { 200: BookCallbackResponse },
    handler: async ({ actor, body, request }) => {
      await limiter.hit(`widget-callback:${request.ip}`, 20, 60);
      return bookCallback(services, actor, body);
    },
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/widget/locations',
    tag: 'widget',
    summary: "The business's stores and their services, for a customer who would rather see someone in person",
    auth: 'visitor',
    responses: { 200: VisitorLocationsResponse },
    handler: async ({ actor }) => ({ locations: await locationsForVisitors(services, actor.workspaceId) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/widget/store-visit',
    tag: 'widget',
    summary:
      'Rather than wait: see someone in a store at a chosen time, on this conversation (the place in line is kept, the story goes with it)',
    auth: 'visitor',
    body: VisitorStoreVisitBody,
    responses: { 201: AppointmentResponse },
    handler: async ({ actor, body, request, reply }) => {
      await limiter.hit(`widget-store-visit:${request.ip}`, 20, 60);
      reply.code(201);
      return { appointment: await bookForConversation(services, actor, body.conversationId, body) };
    },
  });
}
