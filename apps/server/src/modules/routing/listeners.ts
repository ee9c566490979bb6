import { inUnit } from '../../core/context.ts';
import { listener } from '../../core/listeners.ts';
import { fillAgent, fillEveryone, routeConversation } from './routing.ts';

/** A customer joined the queue: the best person with room takes them now (or they wait for the next one). */
export const routeWaitingCustomer = listener('routeWaitingCustomer', 'conversation.queued', async (services, events) => {
  for (const e of events) {
    await inUnit(services, (tx, emitted) => routeConversation(tx, e.workspaceId, e.conversationId, services.now(), emitted));
  }
});

/** Someone has room again: they take the best waiting conversations they can. */
export const fillAgentWithRoom = listener('fillAgentWithRoom', 'agent.available', async (services, events) => {
  for (const e of events) {
    await inUnit(services, (tx, emitted) => fillAgent(tx, e.workspaceId, e.agentId, services.now(), emitted));
  }
});

/** Room may have opened anywhere in a workspace: everyone with room takes what they can. */
export const fillWorkspace = listener('fillWorkspace', 'workspace.capacity_changed', async (services, events) => {
  for (const workspaceId of new Set(events.map((e) => e.workspaceId))) {
    await inUnit(services, (tx, emitted) => fillEveryone(tx, workspaceId, services.now(), emitted));
  }
});

export const routingListeners = [routeWaitingCustomer, fillAgentWithRoom, fillWorkspace];
