import type { Presence } from '@warmline/shared';
import { type AgentActor, afterCommit, type Services } from '../../core/context.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { type AgentRecord, agents } from './agentsRepository.ts';

/**
 * Changes an agent's presence. Becoming available fills their free capacity from the queue at once, so
 * nobody waits while a person is free.
 */
export async function setPresence(services: Services, actor: AgentActor, presence: Presence): Promise<AgentRecord> {
  const events: WarmlineEvent[] = [
    { type: 'presence.changed', workspaceId: actor.workspaceId, agentId: actor.agentId, presence },
  ];
  await agents.setPresence(services.db, actor.workspaceId, actor.agentId, presence);
  if (presence === 'available') events.push({ type: 'agent.available', workspaceId: actor.workspaceId, agentId: actor.agentId });
  events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
  await afterCommit(services, events);
  // Read after the listeners: an agent who became available has already taken what the queue held for them.
  return (await agents.byId(services.db, actor.workspaceId, actor.agentId))!;
}

/** The last connection of an agent dropped and did not come back within the grace time: they are away. */
export async function markAwayIfStillGone(services: Services, workspaceId: string, agentId: string): Promise<void> {
  const agent = await agents.byId(services.db, workspaceId, agentId);
  if (!agent || (agent.presence !== 'available' && agent.presence !== 'busy')) return;
  await setPresence(services, { kind: 'agent', workspaceId, agentId, role: agent.role }, 'away');
}
