import type {
  Alert,
  Call,
  CallLeg,
  CallSignal,
  Conversation,
  Delivery,
  Entry,
  IceServer,
  Presence,
  VisitorCall,
} from '@warmline/shared';

/**
 * The typed event map: everything a committed change announces. Units of work collect events while their
 * transaction runs; after commit `afterCommit` (core/context.ts) publishes the fan-out events on the bus and
 * hands every event to the listeners registered for its type (each module's listeners.ts).
 */
export interface EventMap {
  'entry.appended': { workspaceId: string; customerId: string; entry: Entry };
  /** An agent's reply by email was sent, failed a try (not sent yet), or could not be sent: for agents only. */
  'entry.delivery_changed': { workspaceId: string; conversationId: string; seq: number; delivery: Delivery };
  /** `previewOnly`: only the inbox row moved (preview, seq, mood), nothing the customer sees. */
  'conversation.changed': { workspaceId: string; customerId: string; conversation: Conversation; previewOnly?: boolean };
  typing: {
    workspaceId: string;
    conversationId: string;
    customerId: string;
    typing: boolean;
    by: { kind: 'customer' | 'agent'; id: string | null; name: string | null };
  };
  read: { workspaceId: string; conversationId: string; customerId: string; seq: number; by: 'customer' | 'agent' };
  'presence.changed': { workspaceId: string; agentId: string; presence: Presence };
  'queue.changed': { workspaceId: string };
  /** A team's restriction or members changed: every node re-reads who may see its conversations. */
  'teams.changed': { workspaceId: string };
  /**
   * An agent's right to what their sockets show may have changed (signed out, password changed, removed, role or
   * teams changed): every node re-checks that agent's open sockets, closing those whose session is gone.
   */
  'agent.access_changed': { workspaceId: string; agentId: string };
  /** A customer's visitor access ended (erased, or re-scoped by a merge): every node closes their visitor sockets. */
  'customer.access_revoked': { workspaceId: string; customerId: string };
  /** An alert raised, or taken (`acknowledgedAt` set): for supervisors and admins, and `agentId` (a follow-up's owner). */
  'alert.raised': { workspaceId: string; alert: Alert; agentId: string | null };
  /** A customer joined the queue (a first message, a reopen, a transfer to a team): routing looks for a person. */
  'conversation.queued': { workspaceId: string; conversationId: string };
  /** An agent may have room for more (available again, capacity raised, a conversation resolved or passed on). */
  'agent.available': { workspaceId: string; agentId: string };
  /** Room may have opened anywhere in the workspace (a conversation unassigned, a team's members changed). */
  'workspace.capacity_changed': { workspaceId: string };
  /** An agent flagged a service failure on a conversation: the recovery playbook starts. */
  'conversation.failure_flagged': {
    workspaceId: string;
    conversationId: string;
    agentId: string;
    role: 'agent' | 'supervisor' | 'admin';
    reason: string;
  };
  /** A call rang someone, was answered, held or ended: its customer and `agentIds` (rung or on it) are told. */
  'call.changed': { workspaceId: string; customerId: string; call: Call; visitorCall: VisitorCall; agentIds: string[] };
  /** WebRTC signalling for exactly one socket, the call's other party, on whichever node holds it. */
  'call.signal': { workspaceId: string; callId: string; toSocket: string; signal: CallSignal; leg?: CallLeg };
  /** A talk between two agents about a call's handoff opened: the call's agent socket starts its audio (and answers). */
  'call.consult': { workspaceId: string; callId: string; toSocket: string; iceServers: IceServer[] };
  /** A location's walk-in line moved: staff views read it again, and every "your turn" page of it is told. */
  'store.changed': { workspaceId: string; locationId: string };
  /** A customer answered a conversation's survey: the delight wall may suggest it, reports count it. */
  'survey.answered': {
    workspaceId: string;
    conversationId: string;
    customerId: string;
    responseId: string;
    csat: number | null;
    ces: number | null;
    feeling: string | null;
    comment: string | null;
  };
}

export type EventType = keyof EventMap;
export type EventOf<K extends EventType> = { type: K } & EventMap[K];
export type WarmlineEvent = { [K in EventType]: EventOf<K> }[EventType];

/** Events that stay on the node that committed them: reactions, not news for clients. */
const LOCAL: ReadonlySet<EventType> = new Set([
  'conversation.queued',
  'agent.available',
  'workspace.capacity_changed',
  'conversation.failure_flagged',
  'survey.answered',
]);

/** True when the bus carries this event to every node (realtime fan-out). */
export const travelsOnBus = (event: WarmlineEvent): boolean => !LOCAL.has(event.type);

export interface Bus {
  publish(event: WarmlineEvent): Promise<void>;
  /** Returns an unsubscribe function. */
  subscribe(listener: (event: WarmlineEvent) => void): () => void;
  /**
   * Called when events may have been missed (fan-out was cut off and is back): whoever relies on the bus to
   * stay current catches up from the database. Returns an unsubscribe function.
   */
  onGap(listener: () => void): () => void;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
