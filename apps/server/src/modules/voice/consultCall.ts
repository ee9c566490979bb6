import type { Call, IceServer } from '@warmline/shared';
import { type AgentActor, inUnit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { Conflict } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { callFor } from './callControls.ts';
import { iceServers } from './iceServers.ts';
import { type CallTimes, pushCallChanged, viewOfCall } from './presentCall.ts';
import { type CallRecord, calls } from './repository/calls.ts';

/** Why this socket cannot open a talk about the call: it is not on offer to them, or a talk is open already. */
function cannotConsult(call: CallRecord, agentId: string, socketId: string): Conflict {
  if (call.status === 'ended') return new Conflict('This call has ended.');
  if (call.status !== 'answered' || call.transferTo !== agentId) return new Conflict('This call is not being handed to you.');
  return new Conflict(
    call.consultSocket === socketId
      ? 'You are already talking about this call.'
      : 'You are already talking about this call in another tab.',
  );
}

/**
 * The consult leg of a warm transfer: the colleague offered a call talks with the person on it before joining.
 * Their two browsers connect to each other (signalling relayed like the call's own, `leg: 'consult'`); the customer
 * stays on hold, hears silence and is told nothing new. The colleague's socket offers; the call's agent socket
 * answers, wherever it is, told by a `call.consult` frame.
 */
export async function startConsult(
  services: Services,
  actor: AgentActor,
  input: { callId: string; socketId: string },
): Promise<{ call: Call; iceServers: IceServer[] }> {
  const call = await inUnit(services, async (tx, events) => {
    const found = await callFor(tx, actor, input.callId);
    const opened = await calls.openConsult(tx, actor.workspaceId, found.id, actor.agentId, input.socketId, services.now());
    if (!opened) throw cannotConsult(found, actor.agentId, input.socketId);
    const view = await pushCallChanged(tx, opened, services.config, events);
    events.push({
      type: 'call.consult',
      workspaceId: actor.workspaceId,
      callId: opened.id,
      toSocket: opened.agentSocket!,
      iceServers: iceServers(services, { workspaceId: actor.workspaceId, id: opened.id }),
    });
    return view;
  });
  return { call, iceServers: iceServers(services, { workspaceId: actor.workspaceId, id: call.id }) };
}

/** Either of the two ends their talk; the handoff stays on offer. Ending a talk already over changes nothing. */
export async function endConsult(services: Services, actor: AgentActor, input: { callId: string }): Promise<Call> {
  return inUnit(services, async (tx, events) => {
    const call = await callFor(tx, actor, input.callId);
    if (call.status !== 'answered' || ![call.answeredBy, call.transferTo].includes(actor.agentId)) {
      throw new Conflict('Only the two people talking about this handoff can end their talk.');
    }
    return (await closeConsult(tx, services.config, call, events)) ?? viewOfCall(tx, call, services.config);
  });
}

/**
 * Ends the talk about this call's handoff and tells both agents (the caller's transaction holds the call's row); the
 * call as it now reads, or null when no talk was open. A socket of the talk closing ends it too: it never waits for
 * someone who is gone.
 */
export async function closeConsult(tx: Sql, times: CallTimes, call: CallRecord, events: WarmlineEvent[]): Promise<Call | null> {
  const closed = await calls.closeConsult(tx, call.workspaceId, call.id);
  return closed ? pushCallChanged(tx, closed, times, events) : null;
}
