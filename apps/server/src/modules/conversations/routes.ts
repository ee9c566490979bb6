import {
  AssignBody,
  ConversationParams,
  ConversationResponse,
  ConversationsResponse,
  EntriesQuery,
  EntriesResponse,
  EntryResponse,
  InboxCounts,
  ListConversationsQuery,
  PostMessageBody,
  TransferBody,
  UpdateConversationBody,
} from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { conversationFor } from './access.ts';
import { appendMessage } from './appendMessage.ts';
import { assignConversation, getConversation, listConversations, setResolved, updateConversation } from './conversations.ts';
import { conversations } from './repository/conversations.ts';
import { entries } from './repository/entries.ts';
import { acceptTransfer, declineTransfer, offerTransfer } from './transfers.ts';

export function conversationRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/conversations',
    tag: 'conversations',
    summary: 'The inbox: waiting (oldest first), mine, or all',
    auth: 'agent',
    query: ListConversationsQuery,
    responses: { 200: ConversationsResponse },
    handler: ({ actor, query }) => listConversations(services, actor, query),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/conversations/counts',
    tag: 'conversations',
    summary: 'How many conversations are waiting, mine and open',
    auth: 'agent',
    responses: { 200: InboxCounts },
    handler: ({ actor }) => conversations.counts(services.db, actor.workspaceId, actor),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/conversations/:id',
    tag: 'conversations',
    summary: 'One conversation',
    auth: 'agent',
    params: ConversationParams,
    responses: { 200: ConversationResponse },
    handler: async ({ actor, params }) => ({ conversation: await getConversation(services, actor, params.id) }),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/conversations/:id/entries',
    tag: 'conversations',
    summary: "A conversation's timeline after a seq, in order",
    auth: 'agent',
    params: ConversationParams,
    query: EntriesQuery,
    responses: { 200: EntriesResponse },
    handler: async ({ actor, params, query }) => {
      const conversation = await conversationFor(services.db, actor, params.id);
      return {
        entries: await entries.after(services.db, actor.workspaceId, conversation.id, {
          afterSeq: query.after,
          limit: query.limit,
          audience: 'agent',
        }),
      };
    },
  });

  for (const kind of ['messages', 'notes'] as const) {
    route(app, services, {
      method: 'POST',
      url: `/api/v1/conversations/:id/${kind}`,
      tag: 'conversations',
      summary:
        kind === 'messages' ? 'Reply to the customer (idempotent by clientId)' : 'Add an internal note (idempotent by clientId)',
      auth: 'agent',
      params: ConversationParams,
      body: PostMessageBody,
      responses: { 201: EntryResponse, 200: EntryResponse },
      handler: async ({ actor, params, body, reply }) => {
        const { entry, created } = await appendMessage(services, actor, {
          conversationId: params.id,
          clientId: body.clientId,
          body: body.body,
          note: kind === 'notes',
          attachmentIds: body.attachmentIds,
        });
        reply.code(created ? 201 : 200);
        return { entry };
      },
    });
  }

  route(app, services, {
    method: 'POST',
    url: '/api/v1/conversations/:id/assign',
    tag: 'conversations',
    summary: 'Assign to a colleague, to yourself ("take"), or back to the queue (null)',
    auth: 'agent',
    params: ConversationParams,
    body: AssignBody,
    responses: { 200: ConversationResponse },
    handler: async ({ actor, params, body }) => ({
      conversation: await assignConversation(services, actor, { conversationId: params.id, agentId: body.agentId }),
    }),
  });

  for (const [action, resolved] of [
    ['resolve', true],
    ['reopen', false],
  ] as const) {
    route(app, services, {
      method: 'POST',
      url: `/api/v1/conversations/:id/${action}`,
      tag: 'conversations',
      summary: resolved ? 'Resolve the conversation' : 'Reopen the conversation',
      auth: 'agent',
      params: ConversationParams,
      responses: { 200: ConversationResponse },
      handler: async ({ actor, params }) => ({
        conversation: await setResolved(services, actor, { conversationId: params.id, resolved }),
      }),
    });
  }

  route(app, services, {
    method: 'PATCH',
    url: '/api/v1/conversations/:id',
    tag: 'conversations',
    summary: 'Set priority inputs (priority, upset, service failure) and routing needs (team, language, skills)',
    auth: 'agent',
    params: ConversationParams,
    body: UpdateConversationBody,
    responses: { 200: ConversationResponse },
    handler: async ({ actor, params, body }) => ({ conversation: await updateConversation(services, actor, params.id, body) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/conversations/:id/transfer',
    tag: 'conversations',
    summary: 'Offer a warm transfer to a colleague or a team, with a handoff note',
    auth: 'agent',
    params: ConversationParams,
    body: TransferBody,
    responses: { 200: ConversationResponse },
    handler: async ({ actor, params, body }) => ({
      conversation: await offerTransfer(services, actor, { conversationId: params.id, ...body }),
    }),
  });

  for (const [action, command] of [
    ['accept', acceptTransfer],
    ['decline', declineTransfer],
  ] as const) {
    route(app, services, {
      method: 'POST',
      url: `/api/v1/conversations/:id/transfer/${action}`,
      tag: 'conversations',
      summary: action === 'accept' ? 'Accept a transfer offered to you or your team' : 'Decline (or withdraw) a transfer',
      auth: 'agent',
      params: ConversationParams,
      responses: { 200: ConversationResponse },
      handler: async ({ actor, params }) => ({ conversation: await command(services, actor, params.id) }),
    });
  }
}
