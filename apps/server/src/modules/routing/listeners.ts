import { inUnit, type Services } from '../../core/context.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import { listener } from '../../core/listeners.ts';
import { ROUTE_BACKSTOP } from '../conversations/index.ts';
import { fillAgent, fillEveryone, routeConversation } from './routing.ts';

/** A customer joined the queue: the best person with room takes them now (or they wait for the next one). */
export const routeWaitingCustomer = listener(
  'routeWaitingCustomer',
  'conversation.queued',
  async (services: Services, events) => {
    for (const e of events) {
      await inUnit(services, async (tx, emitted) => {
        await routeConversation(tx, e.workspaceId, e.conversationId, services.now(), emitted);
        // Routed (or left waiting for the next person with room): the backstop written with the queueing is not needed.
        await jobs.cancelFor(tx, e.workspaceId, ROUTE_BACKSTOP, e.conversationId);
      });
    }
  },
);

/** Someone has room again: they take the best waiting conversations they can. */
export const fillAgentWithRoom = listener('fillAgentWithRoom', 'agent.available', async (services: Services, events) => {
  for (const e of events) {
    await inUnit(services, (tx, emitted) => fillAgent(tx, e.workspaceId, e.agentId, services.now(), emitted));
  }
});

/** Room may have opened anywhere in a workspace: everyone with room takes what they can. */
export const fillWorkspace = listener('fillWorkspace', 'workspace.capacity_changed', async (services: Services, events) => {
  for (const workspaceId of new Set(events.map((e) => e.workspaceId))) {
    await inUnit(services, (tx, emitted) => fillEveryone(tx, workspaceId, services.now(), emitted));
  }
});

export const routingListeners = [routeWaitingCustomer, fillAgentWithRoom, fillWorkspace];
