import { z } from 'zod';
import { AttachmentIds, ClientId, Id } from './api.ts';
import { type Call, CallClientFrames, type CallLeg, type CallSignal, type IceServer, type VisitorCall } from './calls.ts';
import type { Conversation, Delivery, Entry, Presence, VisitorConversation, WaitEstimate } from './domain.ts';
import type { Alert } from './empathy.ts';
import type { ErrorCode } from './errors.ts';

/** WebSocket close codes used by the gateway (see docs/realtime.md). */
export const CloseCode = {
  unauthenticated: 4401,
  forbiddenOrigin: 4403,
  shuttingDown: 4503,
} as const;

// ── client → server ───────────────────────────────────────────────────
export const ClientFrame = z.discriminatedUnion('type', [
  /** Ask for every entry after `lastSeq` of each listed conversation. */
  z.object({ type: z.literal('resume'), conversations: z.record(z.string(), z.number().int().min(0)) }),
  /** Send a message (agents may set `note: true` for an internal note). Visitors omit conversationId. */
  z.object({
    type: z.literal('send'),
    clientId: ClientId,
    conversationId: Id.optional(),
    body: z.string(),
    note: z.boolean().optional(),
    /** Files uploaded before that the message carries. */
    attachmentIds: AttachmentIds,
  }),
  z.object({ type: z.literal('typing'), conversationId: Id, typing: z.boolean() }),
  z.object({ type: z.literal('read'), conversationId: Id, seq: z.number().int().min(0) }),
  z.object({ type: z.literal('ping') }),
  ...CallClientFrames,
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

// ── server → client ───────────────────────────────────────────────────
export type ServerFrame =
  | { type: 'ready'; role: 'visitor' | 'agent' }
  | { type: 'ack'; clientId: string; conversationId: string; seq: number; entry: Entry }
  | { type: 'entry'; entry: Entry }
  /** To agents: an email reply's delivery moved on (sent, not sent yet and why, could not be sent). */
  | { type: 'delivery'; conversationId: string; seq: number; delivery: Delivery }
  | { type: 'resumed' }
  | { type: 'conversation'; conversation: Conversation }
  | { type: 'visitor_conversation'; conversation: VisitorConversation }
  | { type: 'typing'; conversationId: string; typing: boolean; by: { kind: 'customer' | 'agent'; name: string | null } }
  | { type: 'read'; conversationId: string; seq: number; by: 'customer' | 'agent' }
  | { type: 'wait'; wait: WaitEstimate }
  | { type: 'presence'; agentId: string; presence: Presence }
  /** To supervisors and admins (and, for a follow-up, its owner): a customer's mood needs a person's attention. */
  | { type: 'alert'; alert: Alert }
  | { type: 'error'; clientId?: string; error: { code: ErrorCode; message: string; details?: unknown } }
  | { type: 'pong' }
  /** A call's state, to the person it rings or who took it; `here` and `iceServers` only to the socket that answered. */
  | { type: 'call'; call: Call; here?: boolean; iceServers?: IceServer[] }
  /** A call's state, to its customer; `iceServers` with the reply to placing it. */
  | { type: 'visitor_call'; call: VisitorCall; iceServers?: IceServer[] }
  /** WebRTC signalling from the other party of the call (`leg: 'consult'`: from the other agent of the talk). */
  | { type: 'call.signal'; callId: string; signal: CallSignal; leg?: CallLeg }
  /** The talk between two agents about a handoff opens on this socket: start its audio (`offer`: this side offers). */
  | { type: 'call.consult'; callId: string; offer: boolean; iceServers: IceServer[] }
  /** To agents: a store's walk-in line moved (a check-in, a call, a visit ended); its staff view reads it again. */
  | { type: 'store'; locationId: string };

export { ClientId };
