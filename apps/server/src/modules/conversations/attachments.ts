import type { Attachment } from '@warmline/shared';
import type { Actor, Services } from '../../core/context.ts';
import { NotFound } from '../../core/errors.ts';
import { type AttachmentRecord, attachmentById, attachmentBytes, attachmentUrl, storeAttachment } from '../files/index.ts';
import { conversationFor } from './access.ts';

/** Who uploads or sends files: an agent, or a customer, of the actor's workspace. */
export const uploaderOf = (actor: Actor) =>
  actor.kind === 'agent'
    ? { workspaceId: actor.workspaceId, kind: 'agent' as const, id: actor.agentId }
    : { workspaceId: actor.workspaceId, kind: 'customer' as const, id: actor.customerId };

/** An attachment as its reader sees it, with where they download it. */
export function presentAttachment(a: AttachmentRecord, reader: Actor): Attachment {
  return {
    id: a.id,
    name: a.name,
    type: a.type,
    size: a.size,
    url: attachmentUrl(a.id, reader.kind === 'agent' ? 'agent' : 'customer'),
  };
}

/**
 * Uploads a file to send with a message: an agent into a conversation they may see (`conversationId`), a visitor
 * for their own conversation (bound when they send it). The file waits until its uploader sends it.
 */
export async function uploadAttachment(
  services: Services,
  actor: Actor,
  input: { conversationId?: string | undefined; bytes: Buffer; name?: string | undefined; declaredType?: string | undefined },
): Promise<Attachment> {
  const conversationId =
    actor.kind === 'agent' ? (await conversationFor(services.db, actor, input.conversationId ?? '')).id : null;
  const stored = await storeAttachment(services, { ...uploaderOf(actor), conversationId }, input);
  return presentAttachment(stored, actor);
}

/**
 * An attachment's bytes for a reader who may see it: the conversation it was sent in must be one they may see (the
 * one access rule, conversationFor), and a customer sees only what was sent as a message, never a note's files. A
 * file not sent yet is its uploader's alone. Anything else is "not found".
 */
export async function downloadAttachment(
  services: Services,
  actor: Actor,
  id: string,
): Promise<{ type: string; name: string; bytes: Buffer }> {
  const a = await attachmentById(services.db, actor.workspaceId, id);
  if (!a) throw new NotFound('File');
  const uploader = uploaderOf(actor);
  const ownUpload = a.uploadedBy.kind === uploader.kind && a.uploadedBy.id === uploader.id;
  if (a.entryId === null) {
    if (!ownUpload) throw new NotFound('File');
  } else {
    if (actor.kind === 'visitor' && a.entryKind !== 'message') throw new NotFound('File');
    await conversationFor(services.db, actor, a.conversationId!).catch(() => {
      throw new NotFound('File');
    });
  }
  return { type: a.type, name: a.name, bytes: await attachmentBytes(services, a) };
}
