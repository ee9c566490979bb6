import type { CallLeg } from '@warmline/shared';
import type { Actor } from '../../core/context.ts';
import type { CallRecord } from './repository/calls.ts';

/**
 * Where a signal from this socket goes on one leg of a call: on the customer leg, the other party (the socket that
 * placed the call, the one that answered it); on the consult leg, the other agent of the talk about the handoff.
 * Null when this socket is no party to that leg; `to: null` while the leg is not connected.
 */
export function signalPeer(call: CallRecord, actor: Actor, socketId: string, leg: CallLeg): { to: string | null } | null {
  if (actor.kind === 'visitor') {
    const mine = leg === 'customer' && call.customerId === actor.customerId && call.customerSocket === socketId;
    return mine ? { to: call.agentSocket } : null;
  }
  const onCall = call.answeredBy === actor.agentId && call.agentSocket === socketId;
  if (leg === 'customer') return onCall ? { to: call.customerSocket } : null;
  if (onCall) return { to: call.consultSocket };
  if (call.transferTo !== actor.agentId) return null;
  return { to: call.consultSocket === socketId ? call.agentSocket : null };
}
