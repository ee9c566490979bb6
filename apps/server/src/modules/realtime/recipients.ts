import type { ServerFrame } from '@warmline/shared';
import type { WarmlineEvent } from '../../core/events.ts';
import { forCustomer, visibleToCustomer, visitorView } from '../conversations/index.ts';

/** Who receives an event, and as which frame. `null` means nobody on that side. */
export interface Delivery {
  workspaceId: string;
  /** Sent to every agent socket of the workspace (or only the ones `agentsOnly` lets through). */
  agents: ServerFrame | null;
  /** When set, only supervisors, admins and this one person receive the agents' frame. */
  agentsOnly?: { supervisorsAnd: string | null };
  /** Sent to the sockets of this one customer, never to any other visitor. */
  visitor: { customerId: string; frame: ServerFrame } | null;
  /** The workspace's visitors should get a fresh wait estimate. */
  refreshWaits: boolean;
  /** Sent only to the sockets of these agents (a call's people), never to the rest of the workspace. */
  named?: { agentIds: string[]; frame: ServerFrame };
  /** Sent to this one socket only (a call's signalling, to its other party), whoever else is signed in. */
  socket?: { id: string; frame: ServerFrame };
}

/**
 * The rules of who sees what in real time. Internal notes, how we read their feelings and colleagues' presence
 * never reach a customer;
 * a customer only ever receives events of their own conversations.
 */
export function deliveryFor(event: WarmlineEvent): Delivery {
  const none: Delivery = { workspaceId: event.workspaceId, agents: null, visitor: null, refreshWaits: false };
  switch (event.type) {
    case 'entry.appended': {
      const frame: ServerFrame = { type: 'entry', entry: event.entry };
      return {
        ...none,
        agents: frame,
        visitor: !visibleToCustomer(event.entry)
          ? null
          : { customerId: event.customerId, frame: { type: 'entry', entry: forCustomer(event.entry) } },
      };
    }
    case 'entry.delivery_changed':
      return {
        ...none,
        agents: { type: 'delivery', conversationId: event.conversationId, seq: event.seq, delivery: event.delivery },
      };
    case 'conversation.changed':
      return {
        ...none,
        agents: { type: 'conversation', conversation: event.conversation },
        visitor: event.previewOnly
          ? null
          : {
              customerId: event.customerId,
              frame: { type: 'visitor_conversation', conversation: visitorView(event.conversation) },
            },
      };
    case 'typing': {
      const frame: ServerFrame = {
        type: 'typing',
        conversationId: event.conversationId,
        typing: event.typing,
        by: { kind: event.by.kind, name: event.by.name },
      };
      return event.by.kind === 'customer'
        ? { ...none, agents: frame }
        : { ...none, visitor: { customerId: event.customerId, frame } };
    }
    case 'read': {
      const frame: ServerFrame = { type: 'read', conversationId: event.conversationId, seq: event.seq, by: event.by };
      return event.by === 'customer' ? { ...none, agents: frame } : { ...none, visitor: { customerId: event.customerId, frame } };
    }
    case 'presence.changed':
      return { ...none, agents: { type: 'presence', agentId: event.agentId, presence: event.presence }, refreshWaits: true };
    case 'queue.changed':
      return { ...none, refreshWaits: true };
    case 'store.changed':
      return { ...none, agents: { type: 'store', locationId: event.locationId } };
    case 'teams.changed':
      return none;
    case 'alert.raised':
      return { ...none, agents: { type: 'alert', alert: event.alert }, agentsOnly: { supervisorsAnd: event.agentId } };
    case 'call.changed':
      // Who it rings and who took it, and the customer: never the rest of the workspace, nor who it skipped.
      return {
        ...none,
        named: { agentIds: event.agentIds, frame: { type: 'call', call: event.call } },
        visitor: { customerId: event.customerId, frame: { type: 'visitor_call', call: event.visitorCall } },
      };
    case 'call.signal':
      return {
        ...none,
        socket: {
          id: event.toSocket,
          frame: { type: 'call.signal', callId: event.callId, signal: event.signal, ...(event.leg ? { leg: event.leg } : {}) },
        },
      };
    case 'call.consult':
      return {
        ...none,
        socket: {
          id: event.toSocket,
          frame: { type: 'call.consult', callId: event.callId, offer: false, iceServers: event.iceServers },
        },
      };
    default:
      // Reactions that stay on their node (routing, recovery) carry nothing for clients.
      return none;
  }
}
