import {
  SavedRepliesResponse,
  SavedReplyBody,
  SavedReplyParams,
  SavedReplyResponse,
  UpdateSavedReplyBody,
  UsedSavedReply,
  UseSavedReplyBody,
} from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { createSavedReply, listSavedReplies, removeSavedReply, updateSavedReply, useSavedReply } from './savedReplies.ts';

/** Saved replies: kept by supervisors and admins, found by every agent in the composer with "/". */
export function savedReplyRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/saved-replies',
    tag: 'saved-replies',
    summary: "The saved replies you may use: the workspace's, and your teams'",
    auth: 'agent',
    responses: { 200: SavedRepliesResponse },
    handler: async ({ actor }) => ({ savedReplies: await listSavedReplies(services, actor) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/saved-replies',
    tag: 'saved-replies',
    summary: 'Save a reply with placeholders such as {{customer.first_name}} and {{agent.name}} (supervisors, admins)',
    auth: 'agent',
    body: SavedReplyBody,
    responses: { 201: SavedReplyResponse },
    handler: async ({ actor, body, reply }) => {
      const savedReply = await createSavedReply(services, actor, body);
      reply.code(201);
      return { savedReply };
    },
  });

  route(app, services, {
    method: 'PATCH',
    url: '/api/v1/saved-replies/:id',
    tag: 'saved-replies',
    summary: "Change a saved reply's shortcut, title, text or team (supervisors, admins)",
    auth: 'agent',
    params: SavedReplyParams,
    body: UpdateSavedReplyBody,
    responses: { 200: SavedReplyResponse },
    handler: async ({ actor, params, body }) => ({ savedReply: await updateSavedReply(services, actor, params.id, body) }),
  });

  route(app, services, {
    method: 'DELETE',
    url: '/api/v1/saved-replies/:id',
    tag: 'saved-replies',
    summary: 'Delete a saved reply (supervisors, admins); answers with the replies left',
    auth: 'agent',
    params: SavedReplyParams,
    responses: { 200: SavedRepliesResponse },
    handler: async ({ actor, params }) => {
      await removeSavedReply(services, actor, params.id);
      return { savedReplies: await listSavedReplies(services, actor) };
    },
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/saved-replies/:id/use',
    tag: 'saved-replies',
    summary: "A saved reply filled for a conversation's customer and for you, ready for the composer (counts the use)",
    auth: 'agent',
    params: SavedReplyParams,
    body: UseSavedReplyBody,
    responses: { 200: UsedSavedReply },
    handler: async ({ actor, params, body }) =>
      useSavedReply(services, actor, { savedReplyId: params.id, conversationId: body.conversationId }),
  });
}
