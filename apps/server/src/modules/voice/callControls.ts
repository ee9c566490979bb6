import { type Call, type CallLeg, type CallSignal, type IceServer, isWaitingForPerson } from '@warmline/shared';
import { type Actor, type AgentActor, afterCommit, inUnit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { Conflict, NotFound } from '../../core/errors.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import { conversationFor, conversations, humanConnected, pushConversationChanged } from '../conversations/index.ts';
import { appendWrapUp } from './callEntry.ts';
import { iceServers } from './iceServers.ts';
import { pushCallChanged, viewOfCall } from './presentCall.ts';
import { type CallRecord, calls } from './repository/calls.ts';
import { endCall, RING_TIMEOUT, ringNext } from './ringing.ts';
import { signalPeer } from './signalPeer.ts';

/**
 * The call if this actor may act on it, locked for the caller's transaction: its customer, or an agent who may see
 * its conversation. Anything else is "not found".
 */
export async function callFor(tx: Sql, actor: Actor, callId: string): Promise<CallRecord> {
  const call = await calls.byId(tx, actor.workspaceId, callId, { forUpdate: true });
  if (!call) throw new NotFound('Call');
  if (actor.kind === 'visitor') {
    if (call.customerId !== actor.customerId) throw new NotFound('Call');
  } else {
    await conversationFor(tx, actor, call.conversationId);
  }
  return call;
}

/** Why this answer (or decline) cannot be: the call was taken, ended, or rings someone else now. */
function notRingingForYou(call: CallRecord, agentId: string): Conflict {
  if (call.status === 'answered') {
    return new Conflict(
      call.answeredBy === agentId ? 'You answered this call in another tab.' : 'This call was answered elsewhere.',
      { answeredBy: call.answeredBy },
    );
  }
  if (call.status === 'ended') return new Conflict('This call has ended.');
  return new Conflict('This call is ringing for someone else now.');
}

/**
 * An agent answers a ringing call from one socket. Of every answer from any tab or node exactly one wins (a
 * conditional update); the others are told it was answered elsewhere. The winner's answer is the customer's
 * time to human, and an unowned conversation becomes theirs.
 */
export async function answerCall(
  services: Services,
  actor: AgentActor,
  input: { callId: string; socketId: string },
): Promise<{ call: Call; iceServers: IceServer[] }> {
  const now = services.now();
  const call = await inUnit(services, async (tx, events) => {
    const found = await callFor(tx, actor, input.callId);
    const won = await calls.answerIfRinging(tx, actor.workspaceId, found.id, actor.agentId, input.socketId, now);
    if (!won) throw notRingingForYou(found, actor.agentId);
    await jobs.cancelFor(tx, actor.workspaceId, RING_TIMEOUT, won.conversationId);
    // Locked before it is read: who owns it decides whether the answer takes it.
    await conversations.lock(tx, actor.workspaceId, won.conversationId);
    const conversation = (await conversations.byId(tx, actor.workspaceId, won.conversationId))!;
    // A call answered is a named human with the customer: the same clock as a first human message.
    await humanConnected(tx, actor, conversation, 'answered the call', events);
    await pushConversationChanged(tx, actor.workspaceId, conversation.id, events);
    if (isWaitingForPerson(conversation)) events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
    return pushCallChanged(tx, won, services.config, events);
  });
  return { call, iceServers: iceServers(services, { workspaceId: actor.workspaceId, id: call.id }) };
}

/**
 * The person it rings declines: it rings the next person routing chooses, or ends as declined. On a call being
 * handed on, declining withdraws the handoff.
 */
export async function declineCall(services: Services, actor: AgentActor, input: { callId: string }): Promise<Call> {
  return inUnit(services, async (tx, events) => {
    const call = await callFor(tx, actor, input.callId);
    if (call.status === 'answered' && call.transferTo && [call.transferTo, call.answeredBy].includes(actor.agentId)) {
      // The colleague says no to a handoff, or the person on the call takes it back: it stays with them.
      const kept = (await calls.offerTransfer(tx, actor.workspaceId, call.id, null))!;
      return pushCallChanged(tx, kept, services.config, events, [call.transferTo]);
    }
    if (call.status !== 'ringing' || call.ringingAgentId !== actor.agentId) throw notRingingForYou(call, actor.agentId);
    return ringNext(tx, services.config, call, services.now(), events, 'declined');
  });
}

/**
 * Either side hangs up. The customer hanging up while it rings cancels it; the person it rings hanging up
 * declines it; once answered, the customer or the person on it ends it as completed. When we ring a customer back,
 * their hanging up while it rings declines it, and the person ringing hanging up cancels it.
 */
export async function hangUp(services: Services, actor: Actor, input: { callId: string }): Promise<Call> {
  return inUnit(services, async (tx, events) => {
    const call = await callFor(tx, actor, input.callId);
    const now = services.now();
    if (call.status === 'ended') return viewOfCall(tx, call, services.config);
    if (actor.kind === 'agent') {
      if (call.status === 'ringing' && call.ringingAgentId === actor.agentId) {
        return ringNext(tx, services.config, call, now, events, 'declined');
      }
      if (call.answeredBy !== actor.agentId) throw notRingingForYou(call, actor.agentId);
    }
    const unanswered = call.direction === 'outbound' ? 'declined' : 'cancelled';
    return endCall(tx, services.config, call, call.status === 'ringing' ? unanswered : 'completed', now, events);
  });
}

/** The person on the call puts the customer on hold (silence, and a line saying who will be right back) or back. */
export async function holdCall(services: Services, actor: AgentActor, input: { callId: string; hold: boolean }): Promise<Call> {
  return inUnit(services, async (tx, events) => {
    const call = await callFor(tx, actor, input.callId);
    if (call.status !== 'answered' || call.answeredBy !== actor.agentId)
      throw new Conflict('Only the person on a call can hold it.');
    // Their talk with a colleague is private: the customer comes back only once it has ended.
    if (!input.hold && call.consultSocket)
      throw new Conflict('End your talk with your colleague first: the customer is on hold.');
    const held = (await calls.setHold(tx, actor.workspaceId, call.id, input.hold))!;
    return pushCallChanged(tx, held, services.config, events);
  });
}

/** Wrap-up notes after a call: kept on the call, and an internal note on the conversation. */
export async function wrapUpCall(services: Services, actor: AgentActor, input: { callId: string; notes: string }): Promise<Call> {
  return inUnit(services, async (tx, events) => {
    const call = await callFor(tx, actor, input.callId);
    if (call.status !== 'ended') throw new Conflict('Wrap up a call once it has ended.');
    if (call.answeredBy !== actor.agentId) throw new Conflict('Only the person who took the call wraps it up.');
    const noted = (await calls.setWrapUp(tx, actor.workspaceId, call.id, input.notes))!;
    await appendWrapUp(tx, noted, actor.agentId, input.notes, events);
    return pushCallChanged(tx, noted, services.config, events);
  });
}

/**
 * Relays WebRTC signalling from one party's socket to the other's, on whichever node holds it. Only the socket
 * that placed the call and the socket that answered it take part (on the consult leg, the two agents talking about
 * its handoff); anyone else is told the call is not found.
 */
export async function relaySignal(
  services: Services,
  actor: Actor,
  input: { callId: string; socketId: string; signal: CallSignal; leg?: CallLeg },
): Promise<void> {
  const call = await calls.byId(services.db, actor.workspaceId, input.callId);
  const leg = input.leg ?? 'customer';
  const peer = call && signalPeer(call, actor, input.socketId, leg);
  if (!call || !peer) throw new NotFound('Call');
  if (call.status !== 'answered' || !peer.to) {
    throw new Conflict(leg === 'consult' ? 'You two are not talking about this call now.' : 'This call is not connected.');
  }
  await afterCommit(services, [
    {
      type: 'call.signal',
      workspaceId: actor.workspaceId,
      callId: call.id,
      toSocket: peer.to,
      signal: input.signal,
      ...(leg === 'consult' ? { leg } : {}),
    },
  ]);
}

/** One call, for an agent who may see its conversation. */
export async function getCall(services: Services, actor: AgentActor, callId: string): Promise<Call> {
  return services.db.transaction(async (tx) => viewOfCall(tx, await callFor(tx, actor, callId), services.config));
}

/** The calls ringing for this agent or under way with them (their app shows them after a reload). */
export async function liveCallsOf(services: Services, actor: AgentActor): Promise<Call[]> {
  return services.db.transaction(async (tx) => {
    const live = await calls.liveFor(tx, actor.workspaceId, actor.agentId);
    return Promise.all(live.map((c) => viewOfCall(tx, c, services.config)));
  });
}

/** A conversation's calls, newest first. */
export async function callsOfConversation(services: Services, actor: AgentActor, conversationId: string): Promise<Call[]> {
  return services.db.transaction(async (tx) => {
    const conversation = await conversationFor(tx, actor, conversationId);
    const found = await calls.ofConversation(tx, actor.workspaceId, conversation.id);
    return Promise.all(found.map((c) => viewOfCall(tx, c, services.config)));
  });
}
