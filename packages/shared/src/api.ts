import { z } from 'zod';
import { Agent, AgentRole, Conversation, Entry, Presence, PublicAgent, VisitorConversation, WaitEstimate } from './domain.ts';

/** Default upper bound on a message body; the server's limit is configurable (`MESSAGE_MAX_LENGTH`). */
export const MESSAGE_MAX_LENGTH_DEFAULT = 10_000;

export const Id = z.string().min(1).max(64);
export const ClientId = z.uuid({ message: 'clientId must be a UUID made by the client' });
export const Body = z
  .string({ message: 'body must be text' })
  .refine((s) => s.trim().length > 0, { message: 'body must not be empty' });

export const Workspace = z.object({ id: z.string(), name: z.string(), key: z.string() });
export type Workspace = z.infer<typeof Workspace>;

// ── auth ──────────────────────────────────────────────────────────────
export const SignInBody = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });
export const SessionResponse = z.object({ agent: Agent, workspace: Workspace, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;
export const InvitationPreview = z.object({ workspaceName: z.string(), role: AgentRole, email: z.string().nullable() });
export const AcceptInvitationBody = z.object({
  token: z.string().min(1).max(200),
  displayName: z.string().trim().min(1).max(80),
  email: z.email().max(320),
  password: z.string().min(10, { message: 'password must be at least 10 characters' }).max(1024),
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
  avatarUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
});
export const SetPresenceBody = z.object({ presence: Presence });

// ── conversations ─────────────────────────────────────────────────────
export const InboxView = z.enum(['waiting', 'mine', 'all']);
export type InboxView = z.infer<typeof InboxView>;
export const ListConversationsQuery = z.object({
  view: InboxView.default('all'),
  status: z.enum(['open', 'resolved']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
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
export const PostMessageBody = z.object({ clientId: ClientId, body: Body });
export const EntryResponse = z.object({ entry: Entry });
export const AssignBody = z.object({ agentId: Id.nullable() });

// ── widget (visitor) ──────────────────────────────────────────────────
export const WidgetSessionBody = z.object({
  workspaceKey: z.string().min(1).max(100),
  visitorToken: z.string().max(500).optional(),
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
export const WidgetMessageBody = z.object({ clientId: ClientId, body: Body });
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
