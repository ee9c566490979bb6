import { z } from 'zod';

/** Roles an agent can hold in a workspace. */
export const AgentRole = z.enum(['agent', 'supervisor', 'admin']);
export type AgentRole = z.infer<typeof AgentRole>;

export const Presence = z.enum(['available', 'busy', 'away', 'offline']);
export type Presence = z.infer<typeof Presence>;

export const ConversationStatus = z.enum(['waiting', 'active', 'pending_customer', 'snoozed', 'resolved']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const Channel = z.enum(['chat', 'email', 'phone', 'sms', 'in_person', 'api']);
export type Channel = z.infer<typeof Channel>;

export const EntryKind = z.enum(['message', 'note', 'event']);
export type EntryKind = z.infer<typeof EntryKind>;

export const Direction = z.enum(['in', 'out']);
export type Direction = z.infer<typeof Direction>;

/** The person a customer sees: never more than a name and a photo. */
export const PublicAgent = z.object({
  id: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
});
export type PublicAgent = z.infer<typeof PublicAgent>;

export const Agent = PublicAgent.extend({
  email: z.string(),
  role: AgentRole,
  presence: Presence,
  openConversations: z.number().int(),
  createdAt: z.string(),
});
export type Agent = z.infer<typeof Agent>;

export const Customer = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.string(),
});
export type Customer = z.infer<typeof Customer>;

/** An item on a conversation's timeline, ordered by `seq`. */
export const Entry = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int(),
  kind: EntryKind,
  direction: Direction.nullable(),
  channel: Channel.nullable(),
  body: z.string(),
  clientId: z.string().nullable(),
  author: z.object({
    kind: z.enum(['customer', 'agent', 'system']),
    id: z.string().nullable(),
    name: z.string().nullable(),
    avatarUrl: z.string().nullable(),
  }),
  /** For events: what happened (`assigned`, `status_changed`, `left_message` …) and its details. */
  event: z.object({ type: z.string(), data: z.record(z.string(), z.unknown()) }).nullable(),
  createdAt: z.string(),
});
export type Entry = z.infer<typeof Entry>;

export const Conversation = z.object({
  id: z.string(),
  status: ConversationStatus,
  channel: Channel,
  customer: Customer,
  assignee: PublicAgent.nullable(),
  priority: z.number().int(),
  lastSeq: z.number().int(),
  lastMessage: z.object({ body: z.string(), direction: Direction, at: z.string() }).nullable(),
  promisedReplyBy: z.string().nullable(),
  startedAt: z.string(),
  humanConnectedAt: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Conversation = z.infer<typeof Conversation>;

/** What a visitor may know about their own conversation. */
export const VisitorConversation = z.object({
  id: z.string(),
  status: ConversationStatus,
  assignee: PublicAgent.nullable(),
  lastSeq: z.number().int(),
  promisedReplyBy: z.string().nullable(),
  startedAt: z.string(),
});
export type VisitorConversation = z.infer<typeof VisitorConversation>;

/** An honest answer to "when will a person be with me?". */
export const WaitEstimate = z.object({
  agentsAvailable: z.number().int(),
  /** Seconds, or null when nobody is available and no honest number exists. */
  seconds: z.number().int().nullable(),
  /** Human wording, e.g. "A person will be with you in about 2 minutes". */
  text: z.string(),
});
export type WaitEstimate = z.infer<typeof WaitEstimate>;
