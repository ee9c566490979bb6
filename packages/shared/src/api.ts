import { z } from 'zod';
import { ATTACHMENTS_PER_MESSAGE } from './attachmentLimits.ts';
import { Currency, Greeting, Holiday, Holidays, Languages, OpeningHours, TeamHours, Timezone, WidgetColor } from './branding.ts';
import { VerifiedUser } from './customers.ts';
import {
  Agent,
  AgentRole,
  Attachment,
  Callback,
  Capacity,
  Channel,
  Conversation,
  Entry,
  Presence,
  PublicAgent,
  Team,
  VisitorConversation,
  WaitEstimate,
} from './domain.ts';
import { Alert } from './empathy.ts';
import { isWebUrl, webUrl } from './webUrl.ts';

export { MESSAGE_MAX_LENGTH_DEFAULT } from './messageLength.ts';

export const Id = z.string().min(1).max(64);
export const ClientId = z.uuid({ message: 'clientId must be a UUID made by the client' });
export const Body = z
  .string({ message: 'body must be text' })
  .refine((s) => s.trim().length > 0, { message: 'body must not be empty' });
/** Files uploaded before (POST …/attachments) that a message carries. */
export const AttachmentIds = z
  .array(z.uuid({ message: 'attachmentIds must hold the ids an upload answered with' }))
  .max(ATTACHMENTS_PER_MESSAGE, {
    message: `attachmentIds may hold at most ${ATTACHMENTS_PER_MESSAGE} files: a message carries no more`,
  })
  .optional();
/** A message: its text, its files, or both; text may be empty only when files go with it. */
export const MessageBody = z
  .object({ clientId: ClientId, body: z.string({ message: 'body must be text' }), attachmentIds: AttachmentIds })
  .refine((m) => m.body.trim().length > 0 || (m.attachmentIds?.length ?? 0) > 0, {
    message: 'body must not be empty',
    path: ['body'],
  });

export const Workspace = z.object({
  id: z.string(),
  name: z.string(),
  key: z.string(),
  /** The agent app sets a person away after this many idle minutes. */
  idleAwayMinutes: z.number().int(),
});
export type Workspace = z.infer<typeof Workspace>;

// ── auth ──────────────────────────────────────────────────────────────
export const SignInBody = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });
export const SessionResponse = z.object({
  agent: Agent,
  workspace: Workspace,
  csrfToken: z.string(),
  /** Whether this server can send replies by email (SMTP set up); absent on servers that predate it. */
  emailReady: z.boolean().optional(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;
export const InvitationPreview = z.object({
  workspaceName: z.string(),
  role: AgentRole,
  email: z.string().nullable(),
  /** The link a fresh install prints: its holder sets Warmline up rather than joining a team. */
  firstAdmin: z.boolean(),
});
export const AcceptInvitationBody = z.object({
  token: z.string().min(1).max(200),
  displayName: z.string().trim().min(1).max(80),
  email: z.email().max(320),
  password: z.string().min(10, { message: 'password must be at least 10 characters' }).max(1024),
});
/** A signed-in agent replaces their password; the new one follows the rule an invitation's does. */
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, { message: 'enter your current password' }).max(1024),
  newPassword: AcceptInvitationBody.shape.password,
});

// ── agents ────────────────────────────────────────────────────────────
export const AgentsResponse = z.object({ agents: z.array(Agent) });
export const AgentResponse = z.object({ agent: Agent });
export const InviteAgentBody = z.object({ email: z.email().max(320), role: AgentRole.default('agent') });
export const InvitationResponse = z.object({
  invitation: z.object({ id: z.string(), email: z.string().nullable(), role: AgentRole, url: z.string(), expiresAt: z.string() }),
});
export const UpdateMeBody = z.object({
  displayName: z.string().trim().min(1).max(80).optional(),
  /** A photo's http(s) address (Warmline fetches it once and serves it itself), or the photo Warmline serves now. */
  avatarUrl: webUrl({ servedPaths: true }).nullable().optional(),
  /** false: no email about customers missed (the desktop notification stays). */
  missedContactEmails: z.boolean().optional(),
});
/** An uploaded photo's own file name, kept cleaned beside it. */
export const AvatarUploadQuery = z.object({ name: z.string().max(1000).optional() });
export const SetPresenceBody = z.object({ presence: Presence });
const Tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}_-]+$/u, { message: 'use letters, digits, - or _' });
const Language = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { message: 'a language code such as en or sw' });
/** Admins set how a colleague is routed. */
export const UpdateAgentBody = z.object({
  role: AgentRole.optional(),
  capacity: Capacity.optional(),
  skills: z.array(Tag).max(50).optional(),
  languages: z.array(Language).max(20).optional(),
});
export const AgentParams = z.object({ id: Id });

// ── teams ─────────────────────────────────────────────────────────────
export const TeamsResponse = z.object({ teams: z.array(Team) });
export const TeamResponse = z.object({ team: Team });
export const TeamParams = z.object({ id: Id });
export const TeamBody = z.object({
  name: z.string().trim().min(1).max(80),
  targetSeconds: z.number().int().min(10).max(86_400).optional(),
  channelTargets: z
    .partialRecord(
      Channel,
      z
        .number()
        .int()
        .min(10, { message: 'a target must be at least 10 seconds' })
        .max(7 * 86_400),
    )
    .optional(),
  offerChoicesAfterSeconds: z.number().int().min(0).max(86_400).optional(),
  continuityGraceSeconds: z.number().int().min(0).max(3_600).optional(),
  restricted: z.boolean().optional(),
  /** The team's own opening hours, time zone and holidays; null: it follows the workspace's. */
  hours: TeamHours.nullable().optional(),
});
export const UpdateTeamBody = TeamBody.partial();
export const TeamMembersBody = z.object({ agentIds: z.array(Id).max(500) });

// ── conversations ─────────────────────────────────────────────────────
export const InboxView = z.enum(['waiting', 'mine', 'all']);
export type InboxView = z.infer<typeof InboxView>;
export const ListConversationsQuery = z.object({
  view: InboxView.default('all'),
  status: z.enum(['open', 'resolved']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  /** Only conversations carrying this tag (normalised as tags are kept). */
  tag: z.string().max(200).optional(),
});
export const ConversationsResponse = z.object({ conversations: z.array(Conversation), nextCursor: z.string().nullable() });
export const ConversationResponse = z.object({ conversation: Conversation });
export const InboxCounts = z.object({ waiting: z.number().int(), mine: z.number().int(), all: z.number().int() });
export const ConversationParams = z.object({ id: Id });
export const EntriesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const EntriesResponse = z.object({ entries: z.array(Entry) });
export const PostMessageBody = MessageBody;
export const EntryResponse = z.object({ entry: Entry });
/** An upload's name and declared type; the body is the file itself (`application/octet-stream`). */
export const AttachmentUploadQuery = z.object({
  name: z.string().max(1000, { message: 'name is at most 1000 characters' }).optional(),
  type: z.string().max(200, { message: 'type is at most 200 characters' }).optional(),
});
export const AttachmentParams = z.object({ id: z.string().min(1).max(64) });
export const AttachmentResponse = z.object({ attachment: Attachment });
export const AssignBody = z.object({ agentId: Id.nullable() });
/** The explicit priority inputs: people and (later) mood detection set them; the queue orders by them. */
export const UpdateConversationBody = z.object({
  priority: z.number().int().min(-100).max(100).optional(),
  upset: z.boolean().optional(),
  serviceFailure: z.boolean().optional(),
  teamId: Id.nullable().optional(),
  language: Language.nullable().optional(),
  skills: z.array(Tag).max(20).optional(),
});
export const TransferBody = z
  .object({
    toAgentId: Id.optional(),
    toTeamId: Id.optional(),
    note: z.string().trim().min(1, { message: 'write a handoff note so the customer never has to repeat themselves' }).max(4000),
    reason: z.string().trim().max(200).optional(),
  })
  .refine((b) => Boolean(b.toAgentId) !== Boolean(b.toTeamId), { message: 'transfer to exactly one of toAgentId or toTeamId' });

// ── supervisor ────────────────────────────────────────────────────────
/** How many reached a person on one way in today, and the median wait (seconds) before they did. */
const ChannelTimeToHuman = z.object({ count: z.number().int(), medianSeconds: z.number().nullable() });

export const SupervisorOverview = z.object({
  queue: z.array(
    z.object({
      conversation: Conversation,
      /** Customers ahead in line (0: next); null when someone has it and has not answered yet. */
      position: z.number().int().nullable(),
      waitingSeconds: z.number().int(),
      mood: z.enum(['upset', 'calm']),
    }),
  ),
  agents: z.array(z.object({ agent: Agent, load: z.record(z.string(), z.number().int()) })),
  /** Callbacks promised and not yet kept, soonest first: each conversation's `callback` names its owner. */
  promises: z.array(Conversation),
  timeToHuman: z.object({
    today: z.object({
      count: z.number().int(),
      medianSeconds: z.number().nullable(),
      p90Seconds: z.number().nullable(),
      /** The same, by way in: chat, calls, and walk-ins (check-in → called to the counter). */
      byChannel: z.object({ chat: ChannelTimeToHuman, phone: ChannelTimeToHuman, walkIn: ChannelTimeToHuman }).optional(),
    }),
  }),
  /** Alerts nobody has acknowledged yet, newest first. */
  alerts: z.array(Alert).optional(),
  /** Service failures flagged in the last 7 days, how many were fully recovered, and how many a rule flagged. */
  serviceRecovery: z.object({ flagged: z.number().int(), recovered: z.number().int(), byRule: z.number().int() }).optional(),
});
export type SupervisorOverview = z.infer<typeof SupervisorOverview>;

// ── widget (visitor) ──────────────────────────────────────────────────
export const WidgetSessionBody = z.object({
  workspaceKey: z.string().min(1).max(100),
  visitorToken: z
    .string()
    .min(1, { message: 'visitorToken must not be empty: leave it out to start a new session' })
    .max(500, { message: 'visitorToken is at most 500 characters' })
    .optional(),
  /** A signed-in website user, verified by HMAC; only verified identities link automatically. */
  user: VerifiedUser.optional(),
});
export const WidgetSessionResponse = z.object({
  visitorToken: z.string(),
  workspace: z.object({ name: z.string(), greeting: z.string() }),
  conversation: VisitorConversation.nullable(),
  entries: z.array(Entry),
  wait: WaitEstimate,
  /** Faces of people who are available now: the widget shows who will answer. */
  team: z.array(PublicAgent),
});
export type WidgetSessionResponse = z.infer<typeof WidgetSessionResponse>;
export const WidgetMessageBody = MessageBody;
export const WidgetMessageResponse = z.object({ entry: Entry, conversation: VisitorConversation });
export const LeaveMessageBody = z.object({
  conversationId: Id,
  email: z.email({ message: 'email must be a valid email address' }).max(320),
  name: z.string().trim().max(120).optional(),
});
export const LeaveMessageResponse = z.object({
  conversation: VisitorConversation,
  promise: z.object({ owner: PublicAgent.nullable(), by: z.string(), text: z.string() }),
});
export const WaitResponse = z.object({ wait: WaitEstimate });
export const CallbackWindow = z.object({ start: z.string(), end: z.string() });
export const CallbackWindowsResponse = z.object({ timezone: z.string(), windows: z.array(CallbackWindow) });
export const BookCallbackBody = z.object({
  conversationId: Id,
  phone: z.string().trim().min(1, { message: 'phone is required' }).max(40),
  windowStart: z.iso.datetime({ offset: true, message: 'windowStart must be an ISO date-time' }),
  windowEnd: z.iso.datetime({ offset: true, message: 'windowEnd must be an ISO date-time' }),
  /** Ring me here, in this browser, while the page is open; the number is for when it is not. */
  inBrowser: z.boolean().optional(),
});
export const BookCallbackResponse = z.object({ callback: Callback, conversation: VisitorConversation, text: z.string() });

// ── workspace settings ────────────────────────────────────────────────
/** True for an origin as a browser sends it: http(s), a host, an optional port, nothing after (a trailing / aside). */
function isWebsiteOrigin(value: string): boolean {
  return /^https?:\/\/[^/?#@\\\s]+\/?$/i.test(value) && isWebUrl(value);
}
const WebsiteOrigin = z.string().max(200).refine(isWebsiteOrigin, {
  message: 'allowedOrigins are website origins such as https://shop.example: http or https, a host, an optional port, no path',
});
export const WorkspaceSettings = z.object({
  name: z.string(),
  timezone: z.string(),
  openingHours: OpeningHours,
  /** The agent app sets a person away after this many idle minutes. */
  idleAwayMinutes: z.number().int(),
  /** An agent whose last connection dropped is set away after this many seconds. */
  presenceGraceSeconds: z.number().int(),
  /** The reply time promised when a customer leaves a message. */
  replyPromiseMinutes: z.number().int(),
  /** Country for phone numbers written without +country (ISO 3166, e.g. KE); null: only international numbers. */
  phoneCountry: z.string().nullable(),
  /** Websites whose pages may open the widget's live connection; empty: any. */
  allowedOrigins: z.array(z.string()),
  /** What the widget says before anyone writes. */
  greeting: z.string(),
  /** The workspace's logo, served by Warmline (`/files/…`), or null. */
  logoUrl: z.string().nullable(),
  /** #RRGGBB: the widget's launcher, header and the customer's bubbles. */
  widgetColor: z.string(),
  /** ISO 4217, for amounts shown to agents (orders, refunds). */
  currency: z.string(),
  /** The languages the business answers in (BCP 47 tags), most used first. */
  languages: z.array(z.string()),
  /** Days the usual opening hours do not hold, soonest first. */
  holidays: z.array(Holiday),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;
export const WorkspaceSettingsResponse = z.object({ workspace: WorkspaceSettings });
export const UpdateWorkspaceBody = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  timezone: Timezone.optional(),
  openingHours: OpeningHours.optional(),
  idleAwayMinutes: z.number().int().min(1).max(480).optional(),
  presenceGraceSeconds: z.number().int().min(0).max(3600).optional(),
  replyPromiseMinutes: z.number().int().min(5).max(10_080).optional(),
  phoneCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, { message: 'phoneCountry is a two-letter country code such as KE' })
    .nullable()
    .optional(),
  allowedOrigins: z.array(WebsiteOrigin).max(50).optional(),
  greeting: Greeting.optional(),
  /** null removes the logo; a new one is uploaded with PUT /api/v1/workspace/logo. */
  logoUrl: z.null().optional(),
  widgetColor: WidgetColor.optional(),
  currency: Currency.optional(),
  languages: Languages.optional(),
  holidays: Holidays.optional(),
});
export const LogoUploadQuery = z.object({ name: z.string().max(200).optional() });
