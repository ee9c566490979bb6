import { ConversationParams, ConversationResponse, TagBody, TagParams, TagsResponse } from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { setTag, tagsInUse } from './tags.ts';

/** Tags on conversations: put on and taken off by agents, listed for suggestions; the inbox filters by `?tag=`. */
export function tagRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/tags',
    tag: 'conversations',
    summary: 'Tags in use on the conversations you may see, with how many carry each (for suggestions and reports)',
    auth: 'agent',
    responses: { 200: TagsResponse },
    handler: async ({ actor }) => ({ tags: await tagsInUse(services, actor) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/conversations/:id/tags',
    tag: 'conversations',
    summary: 'Tag a conversation (kept lower case, letters, digits, - and _, at most 32 characters)',
    auth: 'agent',
    params: ConversationParams,
    body: TagBody,
    responses: { 200: ConversationResponse },
    handler: async ({ actor, params, body }) => ({
      conversation: await setTag(services, actor, { conversationId: params.id, tag: body.tag, on: true }),
    }),
  });

  route(app, services, {
    method: 'DELETE',
    url: '/api/v1/conversations/:id/tags/:tag',
    tag: 'conversations',
    summary: 'Take a tag off a conversation',
    auth: 'agent',
    params: TagParams,
    responses: { 200: ConversationResponse },
    handler: async ({ actor, params }) => ({
      conversation: await setTag(services, actor, { conversationId: params.id, tag: params.tag, on: false }),
    }),
  });
}
