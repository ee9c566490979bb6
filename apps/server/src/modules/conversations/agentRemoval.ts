import { type AgentActor, inUnit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { type AgentRecord, retireAgent } from '../teams/index.ts';
import { eventEntry } from './eventEntries.ts';
import { queueForRouting } from './queue.ts';
import { conversations } from './repository/conversations.ts';
import { pushConversationChanged } from './views.ts';

/**
 * An admin removes someone who left, in one transaction: they can no longer sign in, their sessions end (their
 * sockets close on every node after commit), they leave every team, and the conversations they held go back to
 * the queue, routed to someone else as soon as it commits. What they wrote keeps their name.
 */
export async function removeAgent(services: Services, actor: AgentActor, agentId: string): Promise<void> {
  await inUnit(services, async (tx, events) => {
    const now = services.now();
    const person = await retireAgent(tx, actor, agentId, now, events);
    await handBack(tx, actor, person, now, events);
  });
}

/** The open conversations a leaving person held return to the queue; transfers waiting for them are withdrawn. */
async function handBack(tx: Sql, actor: AgentActor, person: AgentRecord, now: Date, events: WarmlineEvent[]) {
  const who = person.displayName;
  for (const conversation of await conversations.leftBy(tx, actor.workspaceId, person.id)) {
    if (conversation.assigneeId !== person.id) {
      await conversations.update(tx, actor.workspaceId, conversation.id, { pendingTransfer: null });
      events.push(
        await eventEntry(tx, actor, conversation, 'transfer_declined', `${who} was removed; the transfer was withdrawn`, {}),
      );
    } else if (conversation.status === 'snoozed') {
      // A booked callback keeps its window: when it is due, it goes to whoever is free then (jobHandlers.ts).
      await conversations.update(tx, actor.workspaceId, conversation.id, { assigneeId: null, pendingTransfer: null });
      events.push(await unassigned(tx, actor, conversation, person, `${who} was removed; the callback goes to whoever is free`));
    } else {
      // Its place in line is kept (queue_since): the customer has waited already.
      await conversations.update(tx, actor.workspaceId, conversation.id, {
        status: 'waiting',
        assigneeId: null,
        pendingTransfer: null,
      });
      events.push(await unassigned(tx, actor, conversation, person, `${who} was removed; the conversation is back in the queue`));
      await queueForRouting(tx, actor.workspaceId, conversation.id, now, events);
    }
    await pushConversationChanged(tx, actor.workspaceId, conversation.id, events);
  }
}

function unassigned(
  tx: Sql,
  actor: AgentActor,
  conversation: { id: string; customerId: string },
  person: AgentRecord,
  sentence: string,
) {
  return eventEntry(tx, actor, conversation, 'unassigned', sentence, { agentId: person.id, agentName: person.displayName });
}
