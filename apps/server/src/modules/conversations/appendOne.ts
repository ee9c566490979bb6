import { isWaitingForPerson } from '@warmline/shared';
import { type Actor, type AgentActor, afterCommit, type Services, type VisitorActor } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { Invalid, NotFound, Unauthenticated } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { customers } from '../customers/index.ts';
import { readEmotion } from '../emotion/index.ts';
import { teamSettings } from '../teams/index.ts';
import { conversationFor } from './access.ts';
import { appendEntry } from './appendEntries.ts';
import { holdForKnownPerson, joinQueue, reopenForCustomer } from './customerWrites.ts';
import { humanConnected } from './humanConnected.ts';
import { type AppendMessageInput, type AppendMessageResult, checkBody } from './messageInput.ts';
import { keepPromise, replyChannel } from './replyPromise.ts';
import { conversations } from './repository/conversations.ts';
import { entries } from './repository/entries.ts';
import { pushConversationChanged } from './views.ts';

/**
 * A message that may change its conversation (create it, reopen it, take it, connect the first human), inside
 * the caller's transaction: the group commit runs these in its batch, each behind a savepoint.
 */
export function appendChangingState(
  tx: Sql,
  services: Services,
  actor: Actor,
  input: AppendMessageInput,
  events: WarmlineEvent[],
): Promise<AppendMessageResult> {
  const body = checkBody(input.body, services.config.messageMaxLength, input.attachments?.length ?? 0);
  return actor.kind === 'visitor'
    ? appendFromVisitor(tx, actor, { ...input, body }, services.now(), events)
    : appendFromAgent(tx, actor, { ...input, body }, services.now(), events);
}

/** The same in a transaction of its own: the group commit's fallback when a batch fails as a whole. */
export async function appendOne(services: Services, actor: Actor, input: AppendMessageInput): Promise<AppendMessageResult> {
  const events: WarmlineEvent[] = [];
  const result = await services.db.transaction((tx) => appendChangingState(tx, services, actor, input, events));
  if (result.created) await afterCommit(services, events);
  return result;
}

async function appendFromVisitor(
  tx: Sql,
  actor: VisitorActor,
  input: AppendMessageInput & { body: string },
  now: Date,
  events: WarmlineEvent[],
): Promise<AppendMessageResult> {
  if (input.note) throw new Invalid('visitors cannot write internal notes');
  // Locking the customer serialises a visitor's first messages: one conversation, never two.
  const customer = await customers.byId(tx, actor.workspaceId, actor.customerId, { forUpdate: true });
  // Erased, merged away or their tokens revoked since the socket opened: this visitor may no longer write as them.
  const revoked = actor.visitorEpoch !== undefined && customer?.visitorEpoch !== actor.visitorEpoch;
  if (!customer || customer.erasedAt || customer.mergedInto || revoked) {
    throw new Unauthenticated('Your chat session has ended. Reload the page to start again.');
  }
  const conversation = await conversations.latestForCustomer(tx, actor.workspaceId, actor.customerId);
  if (input.conversationId && conversation?.id !== input.conversationId) throw new NotFound('Conversation');

  if (conversation) {
    const existing = await entries.byClientId(tx, actor.workspaceId, conversation.id, input.clientId);
    if (existing) return { entry: existing, created: false };
  }

  let conversationId: string;
  // Continuity and time-to-human follow the team's settings (a new conversation has none yet).
  const settings = await teamSettings(tx, actor.workspaceId, conversation ?? { teamId: null, channel: 'chat' });
  if (!conversation) {
    conversationId = await conversations.create(tx, actor.workspaceId, {
      customerId: actor.customerId,
      channel: 'chat',
      assigneeId: null,
    });
    await conversations.lock(tx, actor.workspaceId, conversationId);
    await holdForKnownPerson(tx, actor, conversationId, customer.ownerAgentId, settings.continuityGraceSeconds, now);
  } else {
    conversationId = conversation.id;
    await conversations.lock(tx, actor.workspaceId, conversationId);
    if (conversation.status === 'resolved') {
      await reopenForCustomer(tx, actor, conversation, customer.ownerAgentId, settings.continuityGraceSeconds, now, events);
    } else if (conversation.status === 'pending_customer') {
      await conversations.update(tx, actor.workspaceId, conversationId, { status: 'active' });
    }
    // Writing in the chat again: they are back, and replies come here rather than by email.
    if (conversation.replyEmail) await conversations.update(tx, actor.workspaceId, conversationId, { replyEmail: null });
  }

  const emotion = readEmotion(input.body);
  const entry = await appendEntry(tx, {
    workspaceId: actor.workspaceId,
    conversationId: conversationId,
    kind: 'message',
    direction: 'in',
    channel: 'chat',
    body: input.body,
    clientId: input.clientId,
    author: { kind: 'customer', id: actor.customerId },
    emotion,
    attachments: input.attachments,
  });
  events.push({ type: 'entry.appended', workspaceId: actor.workspaceId, customerId: actor.customerId, entry });
  const joinedQueue = !conversation || conversation.status === 'resolved';
  if (joinedQueue) await joinQueue(tx, actor.workspaceId, conversationId, settings.targetSeconds, now, events);
  await pushConversationChanged(tx, actor.workspaceId, conversationId, events);
  return { entry, created: true };
}

async function appendFromAgent(
  tx: Sql,
  actor: AgentActor,
  input: AppendMessageInput & { body: string },
  now: Date,
  events: WarmlineEvent[],
): Promise<AppendMessageResult> {
  if (!input.conversationId) throw new Invalid('conversationId is required');
  const conversation = await conversationFor(tx, actor, input.conversationId);
  await conversations.lock(tx, actor.workspaceId, conversation.id);
  const existing = await entries.byClientId(tx, actor.workspaceId, conversation.id, input.clientId);
  if (existing) return { entry: existing, created: false };

  if (input.note) {
    const entry = await appendEntry(tx, {
      workspaceId: actor.workspaceId,
      conversationId: conversation.id,
      kind: 'note',
      body: input.body,
      clientId: input.clientId,
      author: { kind: 'agent', id: actor.agentId },
      attachments: input.attachments,
    });
    events.push({ type: 'entry.appended', workspaceId: actor.workspaceId, customerId: conversation.customerId, entry });
    return { entry, created: true };
  }

  if (input.attachments?.length && replyChannel(conversation) === 'email') {
    throw new Invalid(
      `Files cannot go by email yet: this reply goes by email to ${conversation.replyEmail}. Send the words alone, or add the files as an internal note.`,
    );
  }
  // Answering an unowned conversation takes ownership of it.
  await humanConnected(tx, actor, conversation, 'joined the conversation', events);
  const entry = await appendEntry(tx, {
    workspaceId: actor.workspaceId,
    conversationId: conversation.id,
    kind: 'message',
    direction: 'out',
    channel: replyChannel(conversation),
    body: input.body,
    clientId: input.clientId,
    author: { kind: 'agent', id: actor.agentId },
    attachments: input.attachments,
  });
  events.push({ type: 'entry.appended', workspaceId: actor.workspaceId, customerId: conversation.customerId, entry });
  // A reply by email keeps the promise once it has gone (channels/email/emailReplyJob.ts), not when it is written.
  if (entry.channel !== 'email') await keepPromise(tx, actor, conversation, now, events);
  await pushConversationChanged(tx, actor.workspaceId, conversation.id, events);
  if (isWaitingForPerson(conversation)) events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
  return { entry, created: true };
}
