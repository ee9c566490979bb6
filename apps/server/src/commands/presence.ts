import type { Presence } from '@warmline/shared';
import type { WarmlineEvent } from '../bus/events.ts';
import { presentAgent } from '../presenters/agent.ts';
import { type AgentRecord, agents } from '../repositories/agents.ts';
import { conversations } from '../repositories/conversations.ts';
import { pushConversationChanged } from './conversationViews.ts';
import { type AgentActor, publishAll, type Services } from './context.ts';
import { eventEntry } from './eventEntries.ts';

/** How many open conversations an agent takes from the queue on becoming available (capacity comes with routing). */
const PICKUP_UP_TO = 3;

/**
 * Changes an agent's presence. Becoming available picks up the oldest unowned waiting conversations,
 * so nobody waits in a queue while a person is free.
 */
export async function setPresence(services: Services, actor: AgentActor, presence: Presence): Promise<AgentRecord> {
  const events: WarmlineEvent[] = [
    { type: 'presence.changed', workspaceId: actor.workspaceId, agentId: actor.agentId, presence },
  ];
  const agent = await services.db.transaction(async (tx) => {
    await agents.setPresence(tx, actor.workspaceId, actor.agentId, presence);
    const me = (await agents.byId(tx, actor.workspaceId, actor.agentId))!;
    if (presence === 'available' && me.openConversations < PICKUP_UP_TO) {
      const ids = await conversations.unassignedWaiting(tx, actor.workspaceId, PICKUP_UP_TO - me.openConversations);
      for (const id of ids) {
        await conversations.update(tx, actor.workspaceId, id, { assigneeId: me.id });
        events.push(
          await eventEntry(tx, actor, id, 'assigned', `${me.displayName} joined the conversation`, {
            agentId: me.id,
            agentName: me.displayName,
          }),
        );
        await pushConversationChanged(tx, actor.workspaceId, id, events);
      }
    }
    events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
    return (await agents.byId(tx, actor.workspaceId, actor.agentId))!;
  });
  await publishAll(services, events);
  return agent;
}

export async function updateProfile(
  services: Services,
  actor: AgentActor,
  patch: { displayName?: string | undefined; avatarUrl?: string | null | undefined },
) {
  await agents.update(services.db, actor.workspaceId, actor.agentId, patch);
  return presentAgent((await agents.byId(services.db, actor.workspaceId, actor.agentId))!);
}
