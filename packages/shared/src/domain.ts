import { z } from 'zod';
import { TeamHours } from './branding.ts';

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

/** How many conversations at once, per channel; a channel left out is one the person does not take. */
export const Capacity = z.object({
  chat: z.number().int().min(1, { message: 'capacity must be at least 1' }).max(50).optional(),
  email: z.number().int().min(1, { message: 'capacity must be at least 1' }).max(200).optional(),
  phone: z.number().int().min(1, { message: 'capacity must be at least 1' }).max(5).optional(),
});
export type Capacity = z.infer<typeof Capacity>;

export const Agent = PublicAgent.extend({
  email: z.string(),
  role: AgentRole,
  presence: Presence,
  openConversations: z.number().int(),
  capacity: Capacity,
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  teamIds: z.array(z.string()),
  createdAt: z.string(),
  /** Emailed when a customer waits past the target for them or a callback they own falls due (when email is set up). */
  missedContactEmails: z.boolean().optional(),
});
export type Agent = z.infer<typeof Agent>;

export const Customer = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.string(),
});
export type Customer = z.infer<typeof Customer>;

export const Emotion = z.enum(['angry', 'frustrated', 'anxious', 'confused', 'sad', 'grateful', 'delighted', 'neutral']);
export type Emotion = z.infer<typeof Emotion>;
const UPSET_EMOTIONS: ReadonlySet<Emotion> = new Set(['angry', 'frustrated', 'anxious', 'sad']);
/** The emotions that count as upset: they raise a conversation's priority and draw a supervisor's eye. */
export function isUpsetEmotion(emotion: Emotion): boolean {
  return UPSET_EMOTIONS.has(emotion);
}
/** How a customer's message reads: shown to agents, never sent back to the customer. */
export const EmotionReading = z.object({ label: Emotion, sentiment: z.number(), upset: z.boolean() });
export type EmotionReading = z.infer<typeof EmotionReading>;

/**
 * How an agent's reply by email is getting on: `pending` (not sent yet: waiting for its turn, or for the relay to
 * come back, `error` saying why), `sent`, or `failed` (could not be sent, `error` saying why).
 */
export const Delivery = z.object({
  status: z.enum(['pending', 'sent', 'failed']),
  /** The customer's address, once known. */
  to: z.string().nullable(),
  error: z.string().nullable(),
  /** When it was sent or given up; for `pending` after a failed try, when it is tried next. */
  at: z.string().nullable(),
  attempts: z.number().int(),
});
export type Delivery = z.infer<typeof Delivery>;

/** A file a message carries: an image is shown inline, any other file is a link to download it. */
export const Attachment = z.object({
  id: z.string(),
  /** The file's name as sent, cleaned (no path, no control or bidi characters), with an extension its type agrees with. */
  name: z.string(),
  /** What its bytes were recognised as (docs/attachments.md), never what the sender declared. */
  type: z.string(),
  size: z.number().int(),
  /** Where the reader downloads it: for agents on the session, for the customer with their visitor token. */
  url: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

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
  /** Customer messages only, and only for agents. */
  emotion: EmotionReading.nullable().optional(),
  author: z.object({
    kind: z.enum(['customer', 'agent', 'system']),
    id: z.string().nullable(),
    name: z.string().nullable(),
    avatarUrl: z.string().nullable(),
  }),
  /** For events: what happened (`assigned`, `status_changed`, `left_message` …) and its details. */
  event: z.object({ type: z.string(), data: z.record(z.string(), z.unknown()) }).nullable(),
  /** Agent replies by email only, and only for agents: whether the email has gone. */
  delivery: Delivery.nullable().optional(),
  /** The files a message or note carries; absent when it carries none. */
  attachments: z.array(Attachment).optional(),
  createdAt: z.string(),
});
export type Entry = z.infer<typeof Entry>;

export const Team = z.object({
  id: z.string(),
  name: z.string(),
  /** Time-to-human target for chat, seconds: past it a waiting conversation escalates. */
  targetSeconds: z.number().int(),
  /** Targets for other channels (phone, email …), seconds; a channel left out uses its default. */
  channelTargets: z.partialRecord(Channel, z.number().int()),
  /** Above this estimated wait the customer is offered a callback or leaving a message. */
  offerChoicesAfterSeconds: z.number().int(),
  /** How long a returning customer is held for the person they spoke with last. */
  continuityGraceSeconds: z.number().int(),
  memberIds: z.array(z.string()),
  /** Only members, supervisors and admins see this team's conversations (and find them in search). */
  restricted: z.boolean().optional(),
  /** The team's own opening hours, time zone and holidays; null: the workspace's. */
  hours: TeamHours.nullable().optional(),
});
export type Team = z.infer<typeof Team>;

export const CallbackStatus = z.enum(['scheduled', 'due', 'done', 'cancelled', 'not_reached', 'wrong_number']);
/** What came of ringing a customer back: a person who rings records one of these. */
export const CallbackOutcome = z.enum(['reached', 'no_answer', 'wrong_number']);
export type CallbackOutcome = z.infer<typeof CallbackOutcome>;
/** A promise to call the customer back in a window they chose, owned by a named person. */
export const Callback = z.object({
  id: z.string(),
  conversationId: z.string(),
  phone: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  status: CallbackStatus,
  owner: PublicAgent.nullable(),
  /** Tries so far that nobody answered. */
  tries: z.number().int(),
  /** The customer asked to be rung in their browser (the widget) while the page is open. */
  inBrowser: z.boolean(),
  createdAt: z.string(),
});
export type Callback = z.infer<typeof Callback>;

/** A warm transfer offered to a colleague or team, waiting for them to accept. */
export const PendingTransfer = z.object({
  from: PublicAgent,
  toAgent: PublicAgent.nullable(),
  toTeam: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The handoff note: internal, never shown to the customer. */
  note: z.string(),
  /** What the customer is told about why someone else is joining, if given. */
  reason: z.string().nullable(),
  at: z.string(),
});
export type PendingTransfer = z.infer<typeof PendingTransfer>;

export const Conversation = z.object({
  id: z.string(),
  status: ConversationStatus,
  channel: Channel,
  customer: Customer,
  assignee: PublicAgent.nullable(),
  /** Base priority set by people or rules; the queue adds mood, failure and escalation on top. */
  priority: z.number().int(),
  /** The priority the queue actually uses. */
  effectivePriority: z.number().int(),
  upset: z.boolean(),
  /** How the customer's latest message read, if it was read. */
  mood: Emotion.nullable().optional(),
  serviceFailure: z.boolean(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  language: z.string().nullable(),
  skills: z.array(z.string()),
  /** Labels agents put on it (normalised: lower case, see tags.ts), for filtering the inbox and reports. */
  tags: z.array(z.string()).optional(),
  /** The place in line: a callback keeps the original one. */
  queueSince: z.string(),
  escalatedAt: z.string().nullable(),
  transfers: z.number().int(),
  pendingTransfer: PendingTransfer.nullable(),
  callback: Callback.nullable(),
  timeToHumanSeconds: z.number().nullable(),
  lastSeq: z.number().int(),
  lastMessage: z.object({ body: z.string(), direction: Direction, at: z.string() }).nullable(),
  promisedReplyBy: z.string().nullable(),
  /** The promised reply time's outcome: the reply that kept it, or the moment it passed without one. */
  promiseKeptAt: z.string().nullable().optional(),
  promiseMissedAt: z.string().nullable().optional(),
  /** Where replies go by email (the customer left a message with this address and has not written in chat since). */
  replyByEmail: z.string().nullable().optional(),
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
  /** A callback the customer booked, if any. */
  callback: Callback.nullable(),
  startedAt: z.string(),
});
export type VisitorConversation = z.infer<typeof VisitorConversation>;

export const WaitChoice = z.enum(['callback', 'leave_message']);
export type WaitChoice = z.infer<typeof WaitChoice>;

/** An honest answer to "when will a person be with me?". */
export const WaitEstimate = z.object({
  agentsAvailable: z.number().int(),
  /** People on shift who could take this conversation (available or busy). */
  agentsOnShift: z.number().int(),
  /** Conversations ahead in line (0 = next), or null when not waiting. */
  position: z.number().int().nullable(),
  /** Expected seconds, or null when there is no honest number (nobody on shift). */
  seconds: z.number().int().nullable(),
  /** The range shown to the customer, in seconds. */
  range: z.object({ low: z.number().int(), high: z.number().int() }).nullable(),
  /** Human wording, e.g. "A person will be with you in about 3–5 minutes." */
  text: z.string(),
  /** Non-empty when the customer should be offered a better choice than waiting. */
  choices: z.array(WaitChoice),
});
export type WaitEstimate = z.infer<typeof WaitEstimate>;
