import type { ClientFrame } from '@warmline/shared';
import type { Services } from '../../core/context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import type { RateLimiter } from '../../core/http/rateLimit.ts';
import type { Connection } from '../../modules/realtime/index.ts';
import {
  answerCall,
  answerRingBack,
  declineCall,
  endCallsOnSocket,
  endConsult,
  hangUp,
  holdCall,
  joinCall,
  offerCallTransfer,
  placeCall,
  relaySignal,
  resumeCall,
  ringBack,
  startConsult,
} from '../../modules/voice/index.ts';

export type CallFrame = Extract<ClientFrame, { type: `call.${string}` }>;

/** Calls a customer may place in a minute: enough for a retry or two, not for ringing a team's phones in a loop. */
const CALLS_PER_MINUTE = 6;

/** True for the call frames (placing, answering, signalling…), which this file handles. */
export function isCallFrame(frame: ClientFrame): frame is CallFrame {
  return frame.type.startsWith('call.');
}

/** Sockets that placed or answered a call on this node: when one closes, its live calls end. */
const onCalls = new WeakSet<Connection>();

/** A call frame from a widget or agent socket, turned into its command; replies go back on the same socket. */
export async function onCallFrame(services: Services, limiter: RateLimiter, conn: Connection, frame: CallFrame): Promise<void> {
  const { actor } = conn;
  switch (frame.type) {
    case 'call.place': {
      if (actor.kind !== 'visitor') throw new Invalid('Only a customer places a call from the widget.');
      await limiter.hit(`call:${actor.customerId}`, CALLS_PER_MINUTE, 60);
      onCalls.add(conn);
      const placed = await placeCall(services, actor, { conversationId: frame.conversationId, socketId: conn.id });
      return conn.send({ type: 'visitor_call', call: placed.call, iceServers: placed.iceServers });
    }
    case 'call.answer': {
      onCalls.add(conn);
      if (actor.kind === 'visitor') {
        // We are ringing this customer back: the tab that answers carries the audio.
        const answered = await answerRingBack(services, actor, { callId: frame.callId, socketId: conn.id });
        return conn.send({ type: 'visitor_call', call: answered.call, iceServers: answered.iceServers });
      }
      const answered = await answerCall(services, actor, { callId: frame.callId, socketId: conn.id });
      return conn.send({ type: 'call', call: answered.call, here: true, iceServers: answered.iceServers });
    }
    case 'call.decline':
      // A customer declining us ringing them back is their hanging up while it rings.
      if (actor.kind === 'visitor') await hangUp(services, actor, frame);
      else await declineCall(services, actor, frame);
      return;
    case 'call.ring_back': {
      // Naming a conversation, a customer is told what anyone who may not act on it is told.
      if (actor.kind !== 'agent') throw new NotFound('Conversation');
      onCalls.add(conn);
      const rung = await ringBack(services, actor, { conversationId: frame.conversationId, socketId: conn.id });
      return conn.send({ type: 'call', call: rung.call, here: true, iceServers: rung.iceServers });
    }
    case 'call.hold':
      if (actor.kind !== 'agent') throw new Invalid('Only the agent on the call holds it.');
      await holdCall(services, actor, frame);
      return;
    case 'call.transfer':
      if (actor.kind !== 'agent') throw new Invalid('Only the agent on the call hands it on.');
      await offerCallTransfer(services, actor, frame);
      return;
    case 'call.join': {
      if (actor.kind !== 'agent') throw new Invalid('Only an agent joins a call.');
      onCalls.add(conn);
      const joined = await joinCall(services, actor, { callId: frame.callId, socketId: conn.id });
      return conn.send({ type: 'call', call: joined.call, here: true, iceServers: joined.iceServers });
    }
    case 'call.consult': {
      if (actor.kind !== 'agent') throw new Invalid('Only an agent talks with a colleague about a call.');
      onCalls.add(conn);
      const opened = await startConsult(services, actor, { callId: frame.callId, socketId: conn.id });
      return conn.send({ type: 'call.consult', callId: opened.call.id, offer: true, iceServers: opened.iceServers });
    }
    case 'call.consult_end':
      if (actor.kind !== 'agent') throw new Invalid('Only an agent talks with a colleague about a call.');
      await endConsult(services, actor, frame);
      return;
    case 'call.hangup':
      await hangUp(services, actor, frame);
      return;
    case 'call.resume': {
      onCalls.add(conn);
      const resumed = await resumeCall(services, actor, { callId: frame.callId, socketId: conn.id });
      if (actor.kind === 'visitor') {
        return conn.send({ type: 'visitor_call', call: resumed.visitorCall, iceServers: resumed.iceServers });
      }
      return conn.send({ type: 'call', call: resumed.call, here: true, iceServers: resumed.iceServers });
    }
    case 'call.signal':
      return relaySignal(services, actor, { callId: frame.callId, socketId: conn.id, signal: frame.signal, leg: frame.leg });
  }
}

/**
 * A socket closed: the calls ringing through it end (a customer leaving while it rings cancels theirs); a call under
 * way waits a moment for that party to reconnect and resume it (docs/voice.md).
 */
export function endCallsOf(services: Services, conn: Connection): void {
  if (!onCalls.has(conn)) return;
  onCalls.delete(conn);
  endCallsOnSocket(services, conn.actor.workspaceId, conn.id).catch((err) =>
    services.log.warn({ err }, 'could not end the calls of a closed socket'),
  );
}
