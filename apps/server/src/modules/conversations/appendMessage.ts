import type { Actor, Services } from '../../core/context.ts';
import { Invalid } from '../../core/errors.ts';
import { attachmentsToSend } from '../files/index.ts';
import { uploaderOf } from './attachments.ts';
import { writerFor } from './groupCommit.ts';
import { type AppendMessageInput, type AppendMessageResult, checkBody } from './messageInput.ts';

export type { AppendMessageInput, AppendMessageResult } from './messageInput.ts';

/**
 * Stores a message on a conversation's timeline and, after commit, publishes it. The message path of
 * docs/realtime.md: idempotent by `clientId`, dense `seq`, published only once committed.
 */
export async function appendMessage(services: Services, actor: Actor, input: AppendMessageInput): Promise<AppendMessageResult> {
  const body = checkBody(input.body, services.config.messageMaxLength, input.attachmentIds?.length ?? 0);
  if (actor.kind === 'visitor' && input.note) throw new Invalid('visitors cannot write internal notes');
  if (actor.kind === 'agent' && !input.conversationId) throw new Invalid('conversationId is required');
  const attachments = await attachmentsToSend(services.db, uploaderOf(actor), input.attachmentIds, input);
  return writerFor(services).append(actor, { ...input, body, attachments });
}
