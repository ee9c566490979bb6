import {
  CallbackOutcomeBody,
  CallbackResponse,
  CallbackRing,
  CallParams,
  CallResponse,
  CallsResponse,
  ConversationParams,
  WrapUpBody,
} from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { recordCallbackOutcome } from '../routing/index.ts';
import { callsOfConversation, getCall, liveCallsOf, wrapUpCall } from './callControls.ts';
import { ringCallback } from './ringCallback.ts';

export function voiceRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/calls',
    tag: 'voice',
    summary: 'Calls ringing for me or under way with me',
    auth: 'agent',
    responses: { 200: CallsResponse },
    handler: async ({ actor }) => ({ calls: await liveCallsOf(services, actor) }),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/calls/:id',
    tag: 'voice',
    summary: 'One call',
    auth: 'agent',
    params: CallParams,
    responses: { 200: CallResponse },
    handler: async ({ actor, params }) => ({ call: await getCall(services, actor, params.id) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/calls/:id/wrap-up',
    tag: 'voice',
    summary: 'Wrap-up notes for a call that has ended (also an internal note on its conversation)',
    auth: 'agent',
    params: CallParams,
    body: WrapUpBody,
    responses: { 200: CallResponse },
    handler: async ({ actor, params, body }) => ({
      call: await wrapUpCall(services, actor, { callId: params.id, notes: body.notes }),
    }),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/conversations/:id/calls',
    tag: 'voice',
    summary: "A conversation's calls, newest first",
    auth: 'agent',
    params: ConversationParams,
    responses: { 200: CallsResponse },
    handler: async ({ actor, params }) => ({ calls: await callsOfConversation(services, actor, params.id) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/conversations/:id/callback/ring',
    tag: 'voice',
    summary: 'Ring the customer of my due callback: the try goes on the timeline, the answer says the number to dial',
    auth: 'agent',
    params: ConversationParams,
    responses: { 200: CallbackRing },
    handler: async ({ actor, params }) => ringCallback(services, actor, params.id),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/conversations/:id/callback/outcome',
    tag: 'voice',
    summary: 'What came of ringing the customer back: reached, no answer (retried in the next window) or wrong number',
    auth: 'agent',
    params: ConversationParams,
    body: CallbackOutcomeBody,
    responses: { 200: CallbackResponse },
    handler: async ({ actor, params, body }) =>
      recordCallbackOutcome(services, actor, { conversationId: params.id, outcome: body.outcome }),
  });
}
