import type {
  Agent,
  AgentRole,
  Alert,
  Capacity,
  Conversation,
  Entry,
  InboxView,
  Presence,
  Recovery,
  RecoveryStepBody,
  SessionResponse,
  SupervisorOverview,
  Team,
} from '@warmline/shared';
import { request } from './http.ts';

export interface InboxCountsData {
  waiting: number;
  mine: number;
  all: number;
}

export interface InvitationPreviewData {
  workspaceName: string;
  role: AgentRole;
  email: string | null;
}

export interface InvitationData {
  id: string;
  email: string | null;
  role: AgentRole;
  url: string;
  expiresAt: string;
}

export type StatusFilter = 'open' | 'resolved';

/** PATCH /agents/:id (admins): how a colleague is routed. */
export interface UpdateAgentInput {
  role?: AgentRole;
  capacity?: Capacity;
  skills?: string[];
  languages?: string[];
}

export interface TeamInput {
  name: string;
  targetSeconds?: number;
  offerChoicesAfterSeconds?: number;
  continuityGraceSeconds?: number;
}

/** PATCH /conversations/:id: the explicit priority inputs. */
export interface UpdateConversationInput {
  priority?: number;
  upset?: boolean;
  serviceFailure?: boolean;
  teamId?: string | null;
  language?: string | null;
  skills?: string[];
}

export type TransferInput = ({ toAgentId: string } | { toTeamId: string }) & { note: string; reason?: string };

const enc = encodeURIComponent;

export const authApi = {
  session: () => request<SessionResponse>('GET', '/auth/session', { quietUnauthenticated: true }),
  signIn: (email: string, password: string) =>
    request<SessionResponse>('POST', '/auth/sign-in', { body: { email, password }, quietUnauthenticated: true }),
  signOut: () => request<void>('POST', '/auth/sign-out', { quietUnauthenticated: true }),
  invitation: (token: string) => request<InvitationPreviewData>('GET', `/auth/invitations/${enc(token)}`),
  acceptInvitation: (input: { token: string; displayName: string; email: string; password: string }) =>
    request<SessionResponse>('POST', '/auth/accept-invitation', { body: input, quietUnauthenticated: true }),
};

export const agentsApi = {
  list: () => request<{ agents: Agent[] }>('GET', '/agents'),
  invite: (email: string, role: AgentRole) =>
    request<{ invitation: InvitationData }>('POST', '/agents/invitations', { body: { email, role } }),
  updateMe: (input: { displayName?: string; avatarUrl?: string | null }) =>
    request<{ agent: Agent }>('PATCH', '/agents/me', { body: input }),
  setPresence: (presence: Presence) => request<{ agent: Agent }>('PUT', '/agents/me/presence', { body: { presence } }),
  update: (id: string, input: UpdateAgentInput) => request<{ agent: Agent }>('PATCH', `/agents/${enc(id)}`, { body: input }),
};

export const teamsApi = {
  list: () => request<{ teams: Team[] }>('GET', '/teams'),
  create: (input: TeamInput) => request<{ team: Team }>('POST', '/teams', { body: input }),
  update: (id: string, input: Partial<TeamInput>) => request<{ team: Team }>('PATCH', `/teams/${enc(id)}`, { body: input }),
  setMembers: (id: string, agentIds: string[]) =>
    request<{ team: Team }>('PUT', `/teams/${enc(id)}/members`, { body: { agentIds } }),
};

export const supervisorApi = {
  overview: () => request<SupervisorOverview>('GET', '/supervisor/overview'),
};

export const conversationsApi = {
  list: (view: InboxView, status: StatusFilter, cursor?: string | null) => {
    const query = new URLSearchParams({ view, status, limit: '50' });
    if (cursor) query.set('cursor', cursor);
    return request<{ conversations: Conversation[]; nextCursor: string | null }>('GET', `/conversations?${query}`);
  },
  counts: () => request<InboxCountsData>('GET', '/conversations/counts'),
  get: (id: string) => request<{ conversation: Conversation }>('GET', `/conversations/${enc(id)}`),
  entries: (id: string, after: number, limit = 200) =>
    request<{ entries: Entry[] }>('GET', `/conversations/${enc(id)}/entries?after=${after}&limit=${limit}`),
  postMessage: (id: string, clientId: string, body: string, note: boolean) =>
    request<{ entry: Entry }>('POST', `/conversations/${enc(id)}/${note ? 'notes' : 'messages'}`, { body: { clientId, body } }),
  assign: (id: string, agentId: string | null) =>
    request<{ conversation: Conversation }>('POST', `/conversations/${enc(id)}/assign`, { body: { agentId } }),
  resolve: (id: string) => request<{ conversation: Conversation }>('POST', `/conversations/${enc(id)}/resolve`),
  reopen: (id: string) => request<{ conversation: Conversation }>('POST', `/conversations/${enc(id)}/reopen`),
  update: (id: string, input: UpdateConversationInput) =>
    request<{ conversation: Conversation }>('PATCH', `/conversations/${enc(id)}`, { body: input }),
  transfer: (id: string, input: TransferInput) =>
    request<{ conversation: Conversation }>('POST', `/conversations/${enc(id)}/transfer`, { body: input }),
  acceptTransfer: (id: string) => request<{ conversation: Conversation }>('POST', `/conversations/${enc(id)}/transfer/accept`),
  declineTransfer: (id: string) => request<{ conversation: Conversation }>('POST', `/conversations/${enc(id)}/transfer/decline`),
};

export const alertsApi = {
  /** Supervisors see every alert; an agent sees the follow-ups that are theirs. */
  open: () => request<{ alerts: Alert[] }>('GET', '/alerts?open=true&limit=100'),
  acknowledge: (id: string) => request<{ alert: Alert }>('POST', `/alerts/${enc(id)}/acknowledge`),
};

export const recoveryApi = {
  get: (conversationId: string) =>
    request<{ recovery: Recovery | null }>('GET', `/conversations/${enc(conversationId)}/recovery`),
  flag: (conversationId: string, reason: string) =>
    request<{ recovery: Recovery }>('POST', `/conversations/${enc(conversationId)}/service-failure`, { body: { reason } }),
  record: (conversationId: string, step: RecoveryStepBody) =>
    request<{ recovery: Recovery }>('POST', `/conversations/${enc(conversationId)}/recovery`, { body: step }),
};
