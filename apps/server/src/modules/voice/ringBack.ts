import type { Call, IceServer, VisitorCall } from '@warmline/shared';
import { type AgentActor, inUnit, type Services, type VisitorActor } from '../../core/context.ts';
import { Conflict } from '../../core/errors.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import { callbacks, conversations, pushConversationChanged } from '../conversations/index.ts';
import { callbackClock, callbackReached, dueCallbackOf } from '../routing/index.ts';
import { callFor } from './callControls.ts';
import { iceServers } from './iceServers.ts';
import { pushCallChanged, visitorCallOf } from './presentCall.ts';
import { calls } from './repository/calls.ts';
import { callbackTryEntry } from './ringCallback.ts';
import { RING_TIMEOUT, scheduleRingTimeout } from './ringing.ts';

/**
 * One click on a due callback the customer asked to take in their browser: their widget rings with the name of the
 * person calling. `socketId` is the agent's socket that rang: the call's audio is there. Nobody answering within
 * the ring time ends it as missed; the person who rang then records the try (or calls the number instead).
 */
export async function ringBack(
  services: Services,
  actor: AgentActor,
  input: { conversationId: string; socketId: string },
): Promise<{ call: Call; iceServers: IceServer[] }> {
  const now = services.now();
  const call = await inUnit(services, async (tx, events) => {
    const { conversation, callback } = await dueCallbackOf(tx, actor, input.conversationId, { lock: true });
    if (!callback.inBrowser) throw new Conflict(`This customer asked to be called on ${callback.phone}, not in the browser.`);
    if (await calls.liveOf(tx, actor.workspaceId, conversation.id)) throw new Conflict('A call is already under way.');
    const placed = await calls.insertOutbound(tx, {
      workspaceId: actor.workspaceId,
      conversationId: conversation.id,
      customerId: conversation.customerId,
      callbackId: callback.id,
      agentId: actor.agentId,
      agentSocket: input.socketId,
      placedAt: now,
    });
    await scheduleRingTimeout(tx, services.config, placed, actor.agentId, now);
    events.push(await callbackTryEntry(tx, actor, { conversation, callback, via: 'browser', now }));
    return pushCallChanged(tx, placed, services.config, events);
  });
  return { call, iceServers: iceServers(services, { workspaceId: actor.workspaceId, id: call.id }) };
}

/**
 * The customer answers us ringing them back, from one of their tabs: that tab carries the audio, and the callback
 * is kept (reached, in the browser). Of two tabs answering, exactly one wins; the other is told.
 */
export async function answerRingBack(
  services: Services,
  actor: VisitorActor,
  input: { callId: string; socketId: string },
): Promise<{ call: VisitorCall; iceServers: IceServer[] }> {
  const now = services.now();
  const call = await inUnit(services, async (tx, events) => {
    const found = await callFor(tx, actor, input.callId);
    if (found.direction !== 'outbound') throw new Conflict('Only the person you are calling can answer this call.');
    const won = await calls.answerRingBack(tx, actor.workspaceId, found.id, input.socketId, now);
    if (!won) {
      throw new Conflict(found.status === 'answered' ? 'You answered this call in another tab.' : 'This call has ended.');
    }
    await jobs.cancelFor(tx, actor.workspaceId, RING_TIMEOUT, won.conversationId);
    await conversations.lock(tx, actor.workspaceId, won.conversationId);
    const conversation = (await conversations.byId(tx, actor.workspaceId, won.conversationId))!;
    const callback = won.callbackId ? await callbacks.byId(tx, actor.workspaceId, won.callbackId) : null;
    if (callback?.status === 'due' && won.answeredBy) {
      const at = await callbackClock(tx, actor.workspaceId, conversation.teamId);
      const caller: AgentActor = { kind: 'agent', workspaceId: actor.workspaceId, agentId: won.answeredBy, role: 'agent' };
      events.push(await callbackReached(tx, caller, { conversation, callback, how: 'in the browser', at: at(now) }));
      await pushConversationChanged(tx, actor.workspaceId, conversation.id, events);
      events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
    }
    return visitorCallOf(await pushCallChanged(tx, won, services.config, events));
  });
  return { call, iceServers: iceServers(services, { workspaceId: actor.workspaceId, id: call.id }) };
}
