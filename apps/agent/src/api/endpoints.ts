import type {
  AgentRole,
  CallbackOutcome,
  ChangePasswordBody,
  InboxCounts,
  InboxView,
  InvitationPreview,
  InvitationResponse,
  Presence,
  RecoveryStepBody,
  SavedReplyBody,
  StatusFilter,
  TeamBody,
  TransferBody,
  UpdateAgentBody,
  UpdateConversationBody,
  UpdateMeBody,
  UpdateSavedReplyBody,
} from '@warmline/shared/types';
import { call } from './routes.ts';

export type { StatusFilter };
export type InboxCountsData = InboxCounts;
export type InvitationPreviewData = InvitationPreview;
export type InvitationData = InvitationResponse['invitation'];
/** PATCH /agents/:id (admins): how a colleague is routed. */
export type UpdateAgentInput = UpdateAgentBody;
export type TeamInput = TeamBody;
/** PATCH /conversations/:id: the explicit priority inputs. */
export type UpdateConversationInput = UpdateConversationBody;
export type TransferInput = TransferBody;

export const authApi = {
  session: () => call('GET /auth/session', { quietUnauthenticated: true }),
  signIn: (email: string, password: string) =>
    call('POST /auth/sign-in', { body: { email, password }, quietUnauthenticated: true }),
  signOut: () => call('POST /auth/sign-out', { quietUnauthenticated: true }),
  invitation: (token: string) => call('GET /auth/invitations/:token', { params: { token } }),
  acceptInvitation: (input: { token: string; displayName: string; email: string; password: string }) =>
    call('POST /auth/accept-invitation', { body: input, quietUnauthenticated: true }),
  /** Every other session of mine ends; this one stays signed in. */
  changePassword: (input: ChangePasswordBody) => call('POST /auth/password', { body: input }),
};

export const agentsApi = {
  list: () => call('GET /agents'),
  invite: (email: string, role: AgentRole) => call('POST /agents/invitations', { body: { email, role } }),
  updateMe: (input: UpdateMeBody) => call('PATCH /agents/me', { body: input }),
  /** A photo from this device: Warmline checks and keeps it, and customers see it from Warmline. */
  uploadAvatar: (photo: File) => call('PUT /agents/me/avatar', { body: photo, query: { name: photo.name } }),
  setPresence: (presence: Presence) => call('PUT /agents/me/presence', { body: { presence } }),
  update: (id: string, input: UpdateAgentInput) => call('PATCH /agents/:id', { params: { id }, body: input }),
  /** DELETE /agents/:id (admins): someone who left; their open conversations go back to the queue. */
  remove: (id: string) => call('DELETE /agents/:id', { params: { id } }),
};

export const teamsApi = {
  list: () => call('GET /teams'),
  create: (input: TeamInput) => call('POST /teams', { body: input }),
  update: (id: string, input: Partial<TeamInput>) => call('PATCH /teams/:id', { params: { id }, body: input }),
  setMembers: (id: string, agentIds: string[]) => call('PUT /teams/:id/members', { params: { id }, body: { agentIds } }),
};

export const supervisorApi = {
  overview: () => call('GET /supervisor/overview'),
};

/** The mailboxes read by IMAP and how each is going (admins). */
export const emailApi = { mailboxes: () => call('GET /email/mailboxes') };

export const conversationsApi = {
  /** `tag`: only conversations carrying it. */
  list: (view: InboxView, status: StatusFilter, cursor?: string | null, tag?: string | null) =>
    call('GET /conversations', { query: { view, status, limit: 50, cursor, tag } }),
  counts: () => call('GET /conversations/counts'),
  get: (id: string) => call('GET /conversations/:id', { params: { id } }),
  entries: (id: string, after: number, limit = 200) =>
    call('GET /conversations/:id/entries', { params: { id }, query: { after, limit } }),
  /** A received email as written: its text and its sanitised HTML (remote images blocked). */
  email: (id: string, seq: number) => call('GET /conversations/:id/entries/:seq/email', { params: { id, seq: String(seq) } }),
  postMessage: (id: string, clientId: string, body: string, note: boolean, attachmentIds?: string[]) =>
    call(note ? 'POST /conversations/:id/notes' : 'POST /conversations/:id/messages', {
      params: { id },
      body: { clientId, body, ...(attachmentIds?.length ? { attachmentIds } : {}) },
    }),
  /** A file to send in the conversation: its bytes as they are, its name and declared type beside them. */
  uploadAttachment: (id: string, file: File) =>
    call('POST /conversations/:id/attachments', {
      params: { id },
      body: new Blob([file], { type: 'application/octet-stream' }),
      query: { name: file.name, type: file.type },
    }),
  assign: (id: string, agentId: string | null) => call('POST /conversations/:id/assign', { params: { id }, body: { agentId } }),
  resolve: (id: string) => call('POST /conversations/:id/resolve', { params: { id } }),
  reopen: (id: string) => call('POST /conversations/:id/reopen', { params: { id } }),
  update: (id: string, input: UpdateConversationInput) => call('PATCH /conversations/:id', { params: { id }, body: input }),
  transfer: (id: string, input: TransferInput) => call('POST /conversations/:id/transfer', { params: { id }, body: input }),
  acceptTransfer: (id: string) => call('POST /conversations/:id/transfer/accept', { params: { id } }),
  declineTransfer: (id: string) => call('POST /conversations/:id/transfer/decline', { params: { id } }),
  addTag: (id: string, tag: string) => call('POST /conversations/:id/tags', { params: { id }, body: { tag } }),
  removeTag: (id: string, tag: string) => call('DELETE /conversations/:id/tags/:tag', { params: { id, tag } }),
  ringCallback: (id: string) => call('POST /conversations/:id/callback/ring', { params: { id } }),
  callbackOutcome: (id: string, outcome: CallbackOutcome) =>
    call('POST /conversations/:id/callback/outcome', { params: { id }, body: { outcome } }),
};

export const savedRepliesApi = {
  list: () => call('GET /saved-replies'),
  create: (input: SavedReplyBody) => call('POST /saved-replies', { body: input }),
  update: (id: string, input: UpdateSavedReplyBody) => call('PATCH /saved-replies/:id', { params: { id }, body: input }),
  remove: (id: string) => call('DELETE /saved-replies/:id', { params: { id } }),
  /** The reply filled for this conversation's customer and for me; the server counts the use. */
  use: (id: string, conversationId: string) => call('POST /saved-replies/:id/use', { params: { id }, body: { conversationId } }),
};

export const tagsApi = {
  inUse: () => call('GET /tags'),
};

export const alertsApi = {
  /** Supervisors see every alert; an agent sees the follow-ups that are theirs. */
  open: () => call('GET /alerts', { query: { open: 'true', limit: 100 } }),
  acknowledge: (id: string) => call('POST /alerts/:id/acknowledge', { params: { id } }),
};

export const recoveryApi = {
  get: (conversationId: string) => call('GET /conversations/:id/recovery', { params: { id: conversationId } }),
  flag: (conversationId: string, reason: string) =>
    call('POST /conversations/:id/service-failure', { params: { id: conversationId }, body: { reason } }),
  record: (conversationId: string, step: RecoveryStepBody) =>
    call('POST /conversations/:id/recovery', { params: { id: conversationId }, body: step }),
};

/** Moments of delight: marked on customers' messages, kept on teams' walls, shared by supervisors. */
export const delightApi = {
  ofConversation: (id: string) => call('GET /conversations/:id/delight', { params: { id } }),
  /** keep: a moment of delight; false: not one (a suggestion on it is dismissed). */
  mark: (id: string, seq: number, keep: boolean) =>
    call('POST /conversations/:id/delight', { params: { id }, body: { seq, keep } }),
  decide: (id: string, status: 'kept' | 'dismissed') => call('PATCH /delight/moments/:id', { params: { id }, body: { status } }),
  walls: () => call('GET /delight/walls'),
  wall: (teamId: string) => call('GET /delight/walls/:id', { params: { id: teamId } }),
  share: (teamId: string) => call('POST /delight/walls/:id/share', { params: { id: teamId } }),
  stopSharing: (teamId: string) => call('DELETE /delight/walls/:id/share', { params: { id: teamId } }),
};
