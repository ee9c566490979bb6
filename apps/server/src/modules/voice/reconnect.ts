import type { Call, IceServer, VisitorCall } from '@warmline/shared';
import type { Config } from '../../core/config.ts';
import { type Actor, inUnit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { Conflict } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import type { JobHandler } from '../../core/jobs/runner.ts';
import { isSocketOf, type NodeGone, socketsOfNode } from '../../core/nodes/registry.ts';
import { callFor } from './callControls.ts';
import { closeConsult } from './consultCall.ts';
import { iceServers } from './iceServers.ts';
import { pushCallChanged, visitorCallOf } from './presentCall.ts';
import { type CallRecord, calls } from './repository/calls.ts';
import { endCall } from './ringing.ts';

/** The durable job that ends a call whose party did not reconnect in time (`CALL_RECONNECT_SECONDS`). */
export const SOCKET_LOST = 'call_socket_lost';

/** How a call ends when this socket is gone for good: a ringing call is cancelled; one under way ends. */
function outcomeWithout(call: CallRecord, socketId: string) {
  if (call.status === 'ringing') return 'cancelled' as const;
  return call.customerSocket === socketId ? ('completed' as const) : ('failed' as const);
}

/**
 * A socket closed. A call that rings through it ends at once (nobody is left to answer or to hear it ring). A call
 * under way waits `CALL_RECONNECT_SECONDS` for that party to reconnect and resume: the audio does not travel through
 * Warmline and carries on over a blip of the signalling socket. A durable job ends it if they do not. A talk between
 * two agents about a handoff (the consult leg) that ran through it ends at once.
 */
export async function endCallsOnSocket(services: Services, workspaceId: string, socketId: string): Promise<void> {
  const live = await calls.liveOnSocket(services.db, workspaceId, socketId);
  for (const found of live) {
    await inUnit(services, (tx, events) =>
      letGoOfSocket(tx, services.config, { workspaceId, callId: found.id, socketId }, services.now(), events),
    );
  }
}

/**
 * A node died without closing its sockets (core/nodes/registry.ts): each live call bound to one of them lets go of
 * it as if it had closed, in the sweep's transaction.
 */
export function endCallsOfDeadNode(config: Config): NodeGone {
  return async (tx, nodeId, now, events) => {
    for (const call of await calls.liveOnNode(tx, socketsOfNode(nodeId))) {
      for (const socketId of [call.customerSocket, call.agentSocket, call.consultSocket]) {
        if (socketId && isSocketOf(nodeId, socketId)) {
          await letGoOfSocket(tx, config, { workspaceId: call.workspaceId, callId: call.id, socketId }, now, events);
        }
      }
    }
  };
}

/** What a live call does when a socket it runs through is gone for good: it ends, or waits for a resume. */
async function letGoOfSocket(
  tx: Sql,
  config: Config,
  input: { workspaceId: string; callId: string; socketId: string },
  now: Date,
  events: WarmlineEvent[],
): Promise<void> {
  const { socketId } = input;
  const call = await calls.byId(tx, input.workspaceId, input.callId, { forUpdate: true });
  if (!call || call.status === 'ended') return;
  // A talk between two agents ends with either of its sockets; the call itself only with its own.
  if (call.consultSocket && [call.consultSocket, call.agentSocket].includes(socketId)) {
    await closeConsult(tx, config, call, events);
  }
  // Resumed on another socket since it was found: this one carries nothing any more.
  if (call.customerSocket !== socketId && call.agentSocket !== socketId) return;
  if (call.status === 'answered' && config.callReconnectSeconds > 0) {
    await jobs.schedule(tx, input.workspaceId, {
      kind: SOCKET_LOST,
      runAt: new Date(now.getTime() + config.callReconnectSeconds * 1000),
      payload: { callId: call.id, socketId, conversationId: call.conversationId },
    });
    return;
  }
  await endCall(tx, config, call, outcomeWithout(call, socketId), now, events);
}

/** The party whose socket dropped did not come back: the call ends as it would have when the socket closed. */
export function socketLost(config: Config): JobHandler {
  return async (tx, job, now, events) => {
    const socketId = String(job.payload.socketId ?? '');
    const call = await calls.byId(tx, job.workspaceId, String(job.payload.callId ?? ''), { forUpdate: true });
    if (!call || call.status === 'ended') return;
    // Resumed on another socket meanwhile: nothing to end.
    if (call.customerSocket !== socketId && call.agentSocket !== socketId) return;
    await endCall(tx, config, call, outcomeWithout(call, socketId), now, events);
  };
}

/**
 * A party reconnected during a call it carried (the person on it, or the customer's tab that holds the audio): the
 * call's signalling moves to this socket. Anyone else is told the call is not found, as everywhere.
 */
export async function resumeCall(
  services: Services,
  actor: Actor,
  input: { callId: string; socketId: string },
): Promise<{ call: Call; visitorCall: VisitorCall; iceServers: IceServer[] }> {
  const call = await inUnit(services, async (tx, events) => {
    const found = await callFor(tx, actor, input.callId);
    if (found.status !== 'answered') throw new Conflict('This call is not under way any more.');
    if (actor.kind === 'agent' && found.answeredBy !== actor.agentId) throw new Conflict('Only the person on a call resumes it.');
    const side = actor.kind === 'agent' ? 'agent' : 'customer';
    const moved = (await calls.moveSocket(tx, actor.workspaceId, found.id, side, input.socketId))!;
    // A talk with a colleague opened while the old socket was gone never reached this tab: it ends, to be opened again.
    const talkEnded = side === 'agent' ? await closeConsult(tx, services.config, moved, events) : null;
    return talkEnded ?? pushCallChanged(tx, moved, services.config, events);
  });
  return {
    call,
    visitorCall: visitorCallOf(call),
    iceServers: iceServers(services, { workspaceId: actor.workspaceId, id: call.id }),
  };
}
