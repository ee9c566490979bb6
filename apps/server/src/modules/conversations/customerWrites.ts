import type { VisitorActor } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import { eventEntry } from './eventEntries.ts';
import { queueForRouting } from './queue.ts';
import { type ConversationRecord, conversations } from './repository/conversations.ts';

/**
 * What a customer's message does to a conversation it reaches, whatever the channel it came by (the widget, an
 * email): a resolved one reopens for the person who helped last, and a new or reopened one joins the queue.
 */

/** Writing again reopens the same conversation: the customer's story stays in one place. */
export async function reopenForCustomer(
  tx: Sql,
  actor: VisitorActor,
  conversation: ConversationRecord,
  ownerAgentId: string | null,
  graceSeconds: number,
  now: Date,
  events: WarmlineEvent[],
): Promise<void> {
  // The person who helped last time (read before the reopen clears the assignee) is offered it first.
  await holdForKnownPerson(tx, actor, conversation.id, ownerAgentId, graceSeconds, now);
  await conversations.update(tx, actor.workspaceId, conversation.id, {
    status: 'waiting',
    resolvedAt: null,
    assigneeId: null,
    queueSince: now,
    escalatedAt: null,
  });
  events.push(await eventEntry(tx, actor, conversation, 'reopened', 'The customer wrote again', {}));
}

/** A new or reopened conversation joins the queue, with its time-to-human check (jobs/handlers.ts escalates it). */
export async function joinQueue(
  tx: Sql,
  workspaceId: string,
  conversationId: string,
  targetSeconds: number,
  now: Date,
  events: WarmlineEvent[],
): Promise<void> {
  await queueForRouting(tx, workspaceId, conversationId, now, events);
  await jobs.schedule(tx, workspaceId, {
    kind: 'time_to_human',
    runAt: new Date(now.getTime() + targetSeconds * 1000),
    payload: { conversationId },
  });
  events.push({ type: 'queue.changed', workspaceId });
}

/**
 * Continuity: a returning customer is held first for the person who helped them last (or their account
 * owner), for the team's grace time.
 */
export async function holdForKnownPerson(
  tx: Sql,
  actor: VisitorActor,
  conversationId: string,
  ownerId: string | null,
  graceSeconds: number,
  now: Date,
): Promise<void> {
  const last = await conversations.lastHelper(tx, actor.workspaceId, actor.customerId);
  const agentId = last?.agentId ?? ownerId;
  if (!agentId) return;
  await conversations.update(tx, actor.workspaceId, conversationId, {
    preferred: {
      agentId,
      reason: last ? 'last_agent' : 'account_owner',
      until: new Date(now.getTime() + graceSeconds * 1000),
      since: last?.at ?? null,
    },
  });
}
