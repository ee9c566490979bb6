import type { Call, IceServer, VisitorCall } from '@warmline/shared';
import { type AgentActor, inUnit, type Services, type VisitorActor } from '../../core/context.ts';
import { Conflict } from '../../core/errors.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import { callbacks, conversations, eventEntry, pushConversationChanged } from '../conversations/index.ts';
import { callbackReached, clockTime, dueCallbackOf } from '../routing/index.ts';
import { agents } from '../teams/index.ts';
import { workspaces } from '../workspaces/index.ts';
import { callFor } from './callControls.ts';
import { iceServers } from './iceServers.ts';
import { pushCallChanged, visitorCallOf } from './presentCall.ts';
import { calls } from './repository/calls.ts';
import { RING_TIMEOUT } from './ringing.ts';

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
    const me = await agents.byId(tx, actor.workspaceId, actor.agentId);
    const workspace = (await workspaces.byId(tx, actor.workspaceId))!;
    const placed = await calls.insertOutbound(tx, {
      workspaceId: actor.workspaceId,
      conversationId: conversation.id,
      customerId: conversation.customerId,
      callbackId: callback.id,
      agentId: actor.agentId,
      agentSocket: input.socketId,
      placedAt: now,
    });
    await jobs.schedule(tx, actor.workspaceId, {
      kind: RING_TIMEOUT,
      runAt: new Date(now.getTime() + services.config.callRingSeconds * 1000),
      payload: { callId: placed.id, agentId: actor.agentId, conversationId: conversation.id },
    });
    events.push(
      await eventEntry(
        tx,
        actor,
        conversation,
        'callback_ringing',
        `${me?.displayName ?? 'An agent'} is ringing ${conversation.customerName ?? 'the customer'} back in their browser (try ${callback.tries + 1}) at ${clockTime(now, workspace.timezone)}`,
        { callbackId: callback.id, try: callback.tries + 1, via: 'browser' },
      ),
    );
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
      const workspace = (await workspaces.byId(tx, actor.workspaceId))!;
      const caller: AgentActor = { kind: 'agent', workspaceId: actor.workspaceId, agentId: won.answeredBy, role: 'agent' };
      events.push(
        await callbackReached(tx, caller, {
          conversation,
          callback,
          how: 'in the browser',
          at: clockTime(now, workspace.timezone),
        }),
      );
      await pushConversationChanged(tx, actor.workspaceId, conversation.id, events);
      events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
    }
    return visitorCallOf(await pushCallChanged(tx, won, services.config, events));
  });
  return { call, iceServers: iceServers(services, { workspaceId: actor.workspaceId, id: call.id }) };
}
