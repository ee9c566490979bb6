/**
 * The API's types without its schemas: a type-only entry for the browser bundles, so importing a type never
 * pulls zod in. Response types are what the server's route declarations promise; request bodies are the
 * schemas' input (before defaults apply).
 */
import type { z } from 'zod';
import type * as Api from './api.ts';
import type * as Customers from './customers.ts';
import type * as Delight from './delight.ts';
import type * as Email from './email.ts';
import type * as Empathy from './empathy.ts';
import type * as SavedReplies from './savedReplies.ts';
import type * as Store from './store.ts';
import type * as Surveys from './surveys.ts';

export type { InboxView, SessionResponse, SupervisorOverview, WidgetSessionResponse, Workspace } from './api.ts';
export type {
  Call,
  CallbackResponse,
  CallbackRing,
  CallLeg,
  CallOutcome,
  CallSignal,
  CallStatus,
  IceServer,
  VisitorCall,
} from './calls.ts';
export type {
  AttributeDefinition,
  AttributeType,
  AttributeValue,
  CustomerNote,
  CustomerProfile,
  CustomerSummary,
  MemberRole,
  Organization,
  OrganizationKind,
  SearchResponse,
  TimelineItem,
} from './customers.ts';
export type {
  Agent,
  AgentRole,
  Attachment,
  Callback,
  CallbackOutcome,
  Capacity,
  Channel,
  Conversation,
  ConversationStatus,
  Delivery,
  Emotion,
  EmotionReading,
  Entry,
  PendingTransfer,
  Presence,
  PublicAgent,
  Team,
  VisitorConversation,
  WaitChoice,
  WaitEstimate,
} from './domain.ts';
export type { EntryEmail, ImapMailboxState } from './email.ts';
export type { Alert, CompensationKind, Recovery, RecoveryStepBody } from './empathy.ts';
export type { ErrorCode } from './errors.ts';
export type { ClientFrame, ServerFrame } from './realtime.ts';
export type { SavedReply } from './savedReplies.ts';

type Out<S extends z.ZodType> = z.output<S>;
type In<S extends z.ZodType> = z.input<S>;

// ── auth, agents, teams ───────────────────────────────────────────────
export type SignInBody = In<typeof Api.SignInBody>;
export type InvitationPreview = Out<typeof Api.InvitationPreview>;
export type AcceptInvitationBody = In<typeof Api.AcceptInvitationBody>;
export type ChangePasswordBody = In<typeof Api.ChangePasswordBody>;
export type AgentsResponse = Out<typeof Api.AgentsResponse>;
export type AgentResponse = Out<typeof Api.AgentResponse>;
export type InvitationResponse = Out<typeof Api.InvitationResponse>;
export type UpdateMeBody = In<typeof Api.UpdateMeBody>;
export type UpdateAgentBody = In<typeof Api.UpdateAgentBody>;
export type TeamsResponse = Out<typeof Api.TeamsResponse>;
export type TeamResponse = Out<typeof Api.TeamResponse>;
export type TeamBody = In<typeof Api.TeamBody>;
export type UpdateTeamBody = In<typeof Api.UpdateTeamBody>;

// ── conversations ─────────────────────────────────────────────────────
export type ConversationsResponse = Out<typeof Api.ConversationsResponse>;
export type ConversationResponse = Out<typeof Api.ConversationResponse>;
export type InboxCounts = Out<typeof Api.InboxCounts>;
export type StatusFilter = Out<typeof Api.ListConversationsQuery>['status'];
export type EntriesResponse = Out<typeof Api.EntriesResponse>;
export type EntryResponse = Out<typeof Api.EntryResponse>;
export type UpdateConversationBody = In<typeof Api.UpdateConversationBody>;
export type TransferBody = In<typeof Api.TransferBody>;

// ── saved replies and tags ────────────────────────────────────────────
export type SavedRepliesResponse = Out<typeof SavedReplies.SavedRepliesResponse>;
export type SavedReplyResponse = Out<typeof SavedReplies.SavedReplyResponse>;
export type SavedReplyBody = In<typeof SavedReplies.SavedReplyBody>;
export type UpdateSavedReplyBody = In<typeof SavedReplies.UpdateSavedReplyBody>;
export type UsedSavedReply = Out<typeof SavedReplies.UsedSavedReply>;
export type TagsResponse = Out<typeof SavedReplies.TagsResponse>;

// ── empathy ───────────────────────────────────────────────────────────
export type EntryEmailResponse = Out<typeof Email.EntryEmailResponse>;
export type ImapMailboxesResponse = Out<typeof Email.ImapMailboxesResponse>;
export type AlertsResponse = Out<typeof Empathy.AlertsResponse>;
export type AlertResponse = Out<typeof Empathy.AlertResponse>;
export type RecoveryResponse = Out<typeof Empathy.RecoveryResponse>;
export type FlagFailureBody = In<typeof Empathy.FlagFailureBody>;

// ── customers and organizations ───────────────────────────────────────
export type CustomersResponse = Out<typeof Customers.CustomersResponse>;
export type CustomerProfileResponse = Out<typeof Customers.CustomerProfileResponse>;
export type CreateCustomerBody = In<typeof Customers.CreateCustomerBody>;
export type UpdateCustomerBody = In<typeof Customers.UpdateCustomerBody>;
export type AddIdentityBody = In<typeof Customers.AddIdentityBody>;
export type CustomerNoteResponse = Out<typeof Customers.CustomerNoteResponse>;
export type TimelineResponse = Out<typeof Customers.TimelineResponse>;
export type MergeResponse = Out<typeof Customers.MergeResponse>;
export type EraseResponse = Out<typeof Customers.EraseResponse>;
export type OrganizationsResponse = Out<typeof Customers.OrganizationsResponse>;
export type OrganizationListItem = OrganizationsResponse['organizations'][number];
export type OrganizationResponse = Out<typeof Customers.OrganizationResponse>;
export type CreateOrganizationBody = In<typeof Customers.CreateOrganizationBody>;
export type UpdateOrganizationBody = In<typeof Customers.UpdateOrganizationBody>;
export type AttributeDefinitionsResponse = Out<typeof Customers.AttributeDefinitionsResponse>;
export type AttributeDefinitionBody = In<typeof Customers.AttributeDefinitionBody>;
export type AddIdentityKind = AddIdentityBody['kind'];

// ── widget (visitor) ──────────────────────────────────────────────────
export type LeaveMessageBody = In<typeof Api.LeaveMessageBody>;
export type LeaveMessageResponse = Out<typeof Api.LeaveMessageResponse>;
export type CallbackWindowsResponse = Out<typeof Api.CallbackWindowsResponse>;
export type BookCallbackBody = In<typeof Api.BookCallbackBody>;
export type BookCallbackResponse = Out<typeof Api.BookCallbackResponse>;

// ── workspace settings ────────────────────────────────────────────────
export type { Holiday, WidgetConfig } from './branding.ts';
export type WorkspaceSettings = Out<typeof Api.WorkspaceSettings>;
export type WorkspaceSettingsResponse = Out<typeof Api.WorkspaceSettingsResponse>;
export type UpdateWorkspaceBody = In<typeof Api.UpdateWorkspaceBody>;
export type IdentitySecretResponse = Out<typeof Customers.IdentitySecretResponse>;
export type ImportReport = Out<typeof Customers.ImportReport>;

// ── store: locations and the counter ──────────────────────────────────
export type { Location, StaffAppointment, StaffTicket, StoreService } from './store.ts';
export type LocationInput = In<typeof Store.LocationInput>;
export type StoreQueueResponse = Out<typeof Store.StoreQueueResponse>;
export type StaffTicketResponse = Out<typeof Store.StaffTicketResponse>;
export type EndVisitBody = In<typeof Store.EndVisitBody>;
export type HandOnBody = In<typeof Store.HandOnBody>;
export type AvailabilityResponse = Out<typeof Store.AvailabilityResponse>;

// ── moments of delight ────────────────────────────────────────────────
export type { DelightMoment, DelightSource, DelightStatus, DelightWall, WallShare } from './delight.ts';
export type DelightWallsResponse = Out<typeof Delight.DelightWallsResponse>;
export type DelightWallResponse = Out<typeof Delight.DelightWallResponse>;
export type WallShareResponse = Out<typeof Delight.WallShareResponse>;
export type DelightMomentsResponse = Out<typeof Delight.DelightMomentsResponse>;
export type DelightMomentResponse = Out<typeof Delight.DelightMomentResponse>;
export type MarkDelightBody = In<typeof Delight.MarkDelightBody>;
export type DecideDelightBody = In<typeof Delight.DecideDelightBody>;
// ── surveys ───────────────────────────────────────────────────────────
export type { PublicSurvey, SurveyLanguage, SurveySettings } from './surveys.ts';
export type WidgetSurveyResponse = Out<typeof Surveys.WidgetSurveyResponse>;
export type SurveyAnswerInput = In<typeof Surveys.SurveyAnswerBody>;
export type SurveySettingsResponse = Out<typeof Surveys.SurveySettingsResponse>;
export type UpdateSurveySettingsBody = In<typeof Surveys.UpdateSurveySettingsBody>;
