import {
  type Attachment,
  AttachmentParams,
  AttachmentResponse,
  AttachmentUploadQuery,
  ConversationParams,
} from '@warmline/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor, Services } from '../../core/context.ts';
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
      return answerUpload(services, actor, reply, { ...query, body: request.body, conversationId: params.id });
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
    handler: async ({ actor, params, reply }) => answerDownload(services, actor, reply, params.id, { crossOrigin: false }),
  });
}

/** Answers an upload: the request's body stored as a file of `actor` (an agent's into `conversationId`), 201. */
export async function answerUpload(
  services: Services,
  actor: Actor,
  reply: FastifyReply,
  upload: { body: unknown; name?: string | undefined; type?: string | undefined; conversationId?: string },
): Promise<{ attachment: Attachment }> {
  const attachment = await uploadAttachment(services, actor, {
    conversationId: upload.conversationId,
    bytes: uploadedFile(upload.body),
    name: upload.name,
    declaredType: upload.type,
  });
  reply.code(201);
  return { attachment };
}

/** Answers a download: the file's bytes, inert, when `actor` may see it (else 404). */
export async function answerDownload(
  services: Services,
  actor: Actor,
  reply: FastifyReply,
  id: string,
  opts: { crossOrigin: boolean },
): Promise<Buffer> {
  return sendStoredFile(reply, await downloadAttachment(services, actor, id), { cache: 'private', ...opts });
}
