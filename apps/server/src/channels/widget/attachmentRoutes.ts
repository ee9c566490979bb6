import { AttachmentParams, AttachmentResponse, AttachmentUploadQuery } from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import type { RateLimiter } from '../../core/http/rateLimit.ts';
import { route } from '../../core/http/route.ts';
import { answerDownload, answerUpload } from '../../modules/conversations/index.ts';
import { acceptFileUploads } from '../../modules/files/index.ts';

/** Uploads a visitor may make in ten minutes, and from one address (docs/attachments.md). */
const VISITOR_UPLOADS_PER_10_MIN = 20;
const ADDRESS_UPLOADS_PER_10_MIN = 60;

/**
 * The visitor's attachments, with their bearer token as every widget route: uploaded raw for their own
 * conversation, downloaded (by fetch, into the widget) only from their conversation's messages.
 */
export function widgetAttachmentRoutes(app: FastifyInstance, services: Services, limiter: RateLimiter) {
  acceptFileUploads(app);

  route(app, services, {
    method: 'POST',
    url: '/api/v1/widget/attachments',
    tag: 'widget',
    summary: 'Upload a file to send as the visitor (raw body; name and type in the query)',
    auth: 'visitor',
    query: AttachmentUploadQuery,
    responses: { 201: AttachmentResponse },
    handler: async ({ actor, query, request, reply }) => {
      await limiter.hit(`widget-attach:${actor.customerId}`, VISITOR_UPLOADS_PER_10_MIN, 600);
      await limiter.hit(`widget-attach-ip:${request.ip}`, ADDRESS_UPLOADS_PER_10_MIN, 600);
      return answerUpload(services, actor, reply, { ...query, body: request.body });
    },
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/widget/attachments/:id',
    tag: 'widget',
    summary: "Download a file of the visitor's own conversation (inline only for images)",
    auth: 'visitor',
    params: AttachmentParams,
    responses: { 200: null },
    handler: async ({ actor, params, reply }) => answerDownload(services, actor, reply, params.id, { crossOrigin: true }),
  });
}
