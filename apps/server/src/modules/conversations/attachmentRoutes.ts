import { AttachmentParams, AttachmentResponse, AttachmentUploadQuery, ConversationParams } from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import type { RateLimiter } from '../../core/http/rateLimit.ts';
import { route } from '../../core/http/route.ts';
import { acceptFileUploads, sendStoredFile, uploadedFile } from '../files/index.ts';
import { downloadAttachment, uploadAttachment } from './attachments.ts';

/** Uploads an agent may make in an hour (docs/attachments.md). */
const AGENT_UPLOADS_PER_HOUR = 200;

/**
 * Agents' attachments: uploaded raw (`application/octet-stream`, name and declared type in the query) into a
 * conversation they may see, then sent by naming them in a message; downloaded on the session, inert.
 */
export function attachmentRoutes(app: FastifyInstance, services: Services, limiter: RateLimiter) {
  acceptFileUploads(app);

  route(app, services, {
    method: 'POST',
    url: '/api/v1/conversations/:id/attachments',
    tag: 'conversations',
    summary: 'Upload a file to send in this conversation (raw body; name and type in the query)',
    auth: 'agent',
    params: ConversationParams,
    query: AttachmentUploadQuery,
    responses: { 201: AttachmentResponse },
    handler: async ({ actor, params, query, request, reply }) => {
      await limiter.hit(`attach:${actor.agentId}`, AGENT_UPLOADS_PER_HOUR, 3600);
      const attachment = await uploadAttachment(services, actor, {
        conversationId: params.id,
        bytes: uploadedFile(request.body),
        name: query.name,
        declaredType: query.type,
      });
      reply.code(201);
      return { attachment };
    },
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/attachments/:id',
    tag: 'conversations',
    summary: 'Download a file sent in a conversation you may see (inline only for images)',
    auth: 'agent',
    params: AttachmentParams,
    responses: { 200: null },
    handler: async ({ actor, params, reply }) =>
      sendStoredFile(reply, await downloadAttachment(services, actor, params.id), { cache: 'private', crossOrigin: false }),
  });
}
