import { type EntryEmail, EntryEmailParams, EntryEmailResponse } from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { AgentActor, Services } from '../../core/context.ts';
import { NotFound } from '../../core/errors.ts';
import { route } from '../../core/http/route.ts';
import { conversationFor, inboundEmails } from '../../modules/conversations/index.ts';
import { readEmail } from './readEmail.ts';

/**
 * One received email as it was written, for an agent who may see its conversation (anyone else: 404): read again
 * from the kept raw email, under the same limits as on arrival, its HTML sanitised by today's rules.
 */
export async function entryEmail(
  services: Services,
  actor: AgentActor,
  conversationId: string,
  seq: number,
): Promise<EntryEmail> {
  const conversation = await conversationFor(services.db, actor, conversationId);
  const kept = await inboundEmails.ofEntry(services.db, actor.workspaceId, conversation.id, seq);
  if (!kept) throw new NotFound('Email');
  const email = await readEmail(kept.raw);
  return {
    subject: email.subject,
    from: email.from,
    html: email.unreadable ? null : email.html,
    text: email.unreadable ? '(An email that could not be read safely. It is kept as it arrived.)' : email.text,
  };
}

/** GET /api/v1/conversations/:id/entries/:seq/email, for agents. */
export function emailViewRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/conversations/:id/entries/:seq/email',
    tag: 'email',
    summary: 'A received email as written: subject, sender, text, and its HTML sanitised (remote images blocked)',
    auth: 'agent',
    params: EntryEmailParams,
    responses: { 200: EntryEmailResponse },
    handler: async ({ actor, params }) => ({ email: await entryEmail(services, actor, params.id, params.seq) }),
  });
}
