import type { ReportDrillResponse, ReportResponse } from '@warmline/shared';
import type {
  AcceptInvitationBody,
  AddIdentityBody,
  AgentResponse,
  AgentRole,
  AgentsResponse,
  AlertResponse,
  AlertsResponse,
  Attachment,
  AttributeDefinitionBody,
  AttributeDefinitionsResponse,
  CallbackOutcome,
  CallbackResponse,
  CallbackRing,
  ChangePasswordBody,
  ConversationResponse,
  ConversationsResponse,
  CreateCustomerBody,
  CreateOrganizationBody,
  CustomerNoteResponse,
  CustomerProfileResponse,
  CustomersResponse,
  DecideDelightBody,
  DelightMomentResponse,
  DelightMomentsResponse,
  DelightWallResponse,
  DelightWallsResponse,
  EndVisitBody,
  EntriesResponse,
  EntryEmailResponse,
  EntryResponse,
  EraseResponse,
  FlagFailureBody,
  HandOnBody,
  IdentitySecretResponse,
  ImapMailboxesResponse,
  InboxCounts,
  InvitationPreview,
  InvitationResponse,
  Location,
  LocationInput,
  MarkDelightBody,
  MemberRole,
  MergeResponse,
  OrganizationResponse,
  OrganizationsResponse,
  Presence,
  Recovery,
  RecoveryResponse,
  RecoveryStepBody,
  SavedRepliesResponse,
  SavedReplyBody,
  SavedReplyResponse,
  SearchResponse,
  SessionResponse,
  SignInBody,
  StaffTicketResponse,
  StoreQueueResponse,
  SupervisorOverview,
  SurveySettingsResponse,
  TagsResponse,
  TeamBody,
  TeamResponse,
  TeamsResponse,
  TimelineResponse,
  TransferBody,
  UpdateAgentBody,
  UpdateConversationBody,
  UpdateCustomerBody,
  UpdateMeBody,
  UpdateOrganizationBody,
  UpdateSavedReplyBody,
  UpdateSurveySettingsBody,
  UpdateTeamBody,
  UpdateWorkspaceBody,
  UsedSavedReply,
  WallShareResponse,
  WorkspaceSettingsResponse,
} from '@warmline/shared/types';
import { type Method, request } from './http.ts';

type Conversation = { response: ConversationResponse };
type Profile = { response: CustomerProfileResponse };
type OrganizationAnswer = { response: OrganizationResponse };

/**
 * Every route the agent app calls: its request body and the response the server's route declares, both from
 * @warmline/shared. `call` is the one place a response body becomes typed.
 */
export interface Routes {
  'GET /auth/session': { response: SessionResponse };
  'POST /auth/sign-in': { body: SignInBody; response: SessionResponse };
  'POST /auth/sign-out': { response: undefined };
  'GET /auth/invitations/:token': { response: InvitationPreview };
  'POST /auth/accept-invitation': { body: AcceptInvitationBody; response: SessionResponse };
  'POST /auth/password': { body: ChangePasswordBody; response: undefined };

  'GET /agents': { response: AgentsResponse };
  'POST /agents/invitations': { body: { email: string; role: AgentRole }; response: InvitationResponse };
  'PATCH /agents/me': { body: UpdateMeBody; response: AgentResponse };
  'PUT /agents/me/presence': { body: { presence: Presence }; response: AgentResponse };
  'PUT /agents/me/avatar': { body: Blob; response: AgentResponse };
  'POST /conversations/:id/attachments': { body: Blob; response: { attachment: Attachment } };
  'PATCH /agents/:id': { body: UpdateAgentBody; response: AgentResponse };
  'DELETE /agents/:id': { response: undefined };
  'GET /workspace': { response: WorkspaceSettingsResponse };
  'PATCH /workspace': { body: UpdateWorkspaceBody; response: WorkspaceSettingsResponse };
  'PUT /workspace/logo': { body: Blob; response: WorkspaceSettingsResponse };
  'GET /workspace/identity-secret': { response: IdentitySecretResponse };
  'POST /workspace/identity-secret/rotate': { response: IdentitySecretResponse };
  'GET /workspace/surveys': { response: SurveySettingsResponse };
  'PATCH /workspace/surveys': { body: UpdateSurveySettingsBody; response: SurveySettingsResponse };
  'GET /teams': { response: TeamsResponse };
  'POST /teams': { body: TeamBody; response: TeamResponse };
  'PATCH /teams/:id': { body: UpdateTeamBody; response: TeamResponse };
  'PUT /teams/:id/members': { body: { agentIds: string[] }; response: TeamResponse };
  'GET /supervisor/overview': { response: SupervisorOverview };

  'GET /conversations': { response: ConversationsResponse };
  'GET /conversations/counts': { response: InboxCounts };
  'GET /conversations/:id': Conversation;
  'GET /conversations/:id/entries': { response: EntriesResponse };
  'GET /conversations/:id/entries/:seq/email': { response: EntryEmailResponse };
  'GET /email/mailboxes': { response: ImapMailboxesResponse };
  'POST /conversations/:id/messages': { body: { clientId: string; body: string }; response: EntryResponse };
  'POST /conversations/:id/notes': { body: { clientId: string; body: string }; response: EntryResponse };
  'POST /conversations/:id/assign': { body: { agentId: string | null }; response: ConversationResponse };
  'POST /conversations/:id/resolve': Conversation;
  'POST /conversations/:id/reopen': Conversation;
  'PATCH /conversations/:id': { body: UpdateConversationBody; response: ConversationResponse };
  'POST /conversations/:id/transfer': { body: TransferBody; response: ConversationResponse };
  'POST /conversations/:id/transfer/accept': Conversation;
  'POST /conversations/:id/transfer/decline': Conversation;
  'POST /conversations/:id/callback/ring': { response: CallbackRing };
  'POST /conversations/:id/callback/outcome': { body: { outcome: CallbackOutcome }; response: CallbackResponse };
  'GET /alerts': { response: AlertsResponse };
  'POST /alerts/:id/acknowledge': { response: AlertResponse };
  'GET /conversations/:id/recovery': { response: RecoveryResponse };
  'POST /conversations/:id/service-failure': { body: FlagFailureBody; response: { recovery: Recovery } };
  'POST /conversations/:id/recovery': { body: RecoveryStepBody; response: { recovery: Recovery } };

  'GET /customers': { response: CustomersResponse };
  'POST /customers': { body: CreateCustomerBody; response: CustomerProfileResponse };
  'GET /customers/:id': Profile;
  'PATCH /customers/:id': { body: UpdateCustomerBody; response: CustomerProfileResponse };
  'POST /customers/:id/identities': { body: AddIdentityBody; response: CustomerProfileResponse };
  'DELETE /customers/:id/identities/:identityId': Profile;
  'POST /customers/:id/notes': { body: { body: string }; response: CustomerNoteResponse };
  'GET /customers/:id/timeline': { response: TimelineResponse };
  'POST /customers/:id/merge': { body: { sourceId: string }; response: MergeResponse };
  'POST /customer-merges/:id/undo': Profile;
  'POST /customers/:id/erase': { response: EraseResponse };
  'GET /organizations': { response: OrganizationsResponse };
  'POST /organizations': { body: CreateOrganizationBody; response: OrganizationResponse };
  'GET /organizations/:id': OrganizationAnswer;
  'PATCH /organizations/:id': { body: UpdateOrganizationBody; response: OrganizationResponse };
  'PUT /organizations/:id/members/:customerId': { body: { role: MemberRole }; response: OrganizationResponse };
  'DELETE /organizations/:id/members/:customerId': OrganizationAnswer;
  'GET /organizations/:id/timeline': { response: TimelineResponse };
  'GET /attributes': { response: AttributeDefinitionsResponse };
  'POST /attributes': { body: AttributeDefinitionBody; response: unknown };
  'DELETE /attributes/:key': { response: undefined };
  'GET /search': { response: SearchResponse };

  'GET /saved-replies': { response: SavedRepliesResponse };
  'POST /saved-replies': { body: SavedReplyBody; response: SavedReplyResponse };
  'PATCH /saved-replies/:id': { body: UpdateSavedReplyBody; response: SavedReplyResponse };
  'DELETE /saved-replies/:id': { response: SavedRepliesResponse };
  'POST /saved-replies/:id/use': { body: { conversationId: string }; response: UsedSavedReply };
  'GET /tags': { response: TagsResponse };
  'POST /conversations/:id/tags': { body: { tag: string }; response: ConversationResponse };
  'DELETE /conversations/:id/tags/:tag': Conversation;

  'GET /locations': { response: { locations: Location[] } };
  'POST /locations': { body: LocationInput; response: { location: Location } };
  'PUT /locations/:id': { body: LocationInput; response: { location: Location } };
  'GET /locations/:id/queue': { response: StoreQueueResponse };
  'POST /locations/:id/call-next': { response: StaffTicketResponse };
  'POST /walk-ins/:id/end': { body: EndVisitBody; response: StaffTicketResponse };
  'POST /walk-ins/:id/hand-on': { body: HandOnBody; response: StaffTicketResponse };
  'POST /appointments/:id/start': { response: StaffTicketResponse };

  'GET /conversations/:id/delight': { response: DelightMomentsResponse };
  'POST /conversations/:id/delight': { body: MarkDelightBody; response: DelightMomentResponse };
  'PATCH /delight/moments/:id': { body: DecideDelightBody; response: DelightMomentResponse };
  'GET /delight/walls': { response: DelightWallsResponse };
  'GET /delight/walls/:id': { response: DelightWallResponse };
  'POST /delight/walls/:id/share': { response: WallShareResponse };
  'DELETE /delight/walls/:id/share': { response: WallShareResponse };
  'GET /reports/:figure': { response: ReportResponse };
  'GET /reports/:figure/conversations': { response: ReportDrillResponse };
}

export type Route = keyof Routes;
export type ResponseOf<R extends Route> = Routes[R]['response'];

/** `:id`, `:customerId` … named in a route's path. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
type PathOf<R extends Route> = R extends `${string} ${infer P}` ? P : never;
type Query = Record<string, string | number | null | undefined>;

/** What a call needs: the path's parameters, the body its route takes, and the usual request options. */
export type CallInput<R extends Route> = ([ParamNames<PathOf<R>>] extends [never]
  ? { params?: undefined }
  : { params: Record<ParamNames<PathOf<R>>, string> }) &
  (Routes[R] extends { body: infer B } ? { body: B } : { body?: undefined }) & {
    query?: Query;
    quietUnauthenticated?: boolean;
    signal?: AbortSignal;
  };

/** `?a=1&b=x`, leaving out empty values; '' when nothing is left. */
export function queryString(params: Query): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls a route and returns its response as the route declares it.
 * @example const { conversation } = await call('GET /conversations/:id', { params: { id } });
 */
export async function call<R extends Route>(route: R, ...[input]: OptionalIfEmpty<CallInput<R>>): Promise<ResponseOf<R>> {
  const space = route.indexOf(' ');
  const method = route.slice(0, space) as Method;
  const params: Record<string, string> = input?.params ?? {};
  const path = route.slice(space + 1).replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const payload = await request(method, `${path}${queryString(input?.query ?? {})}`, {
    body: input?.body,
    quietUnauthenticated: input?.quietUnauthenticated ?? false,
    ...(input?.signal ? { signal: input.signal } : {}),
  });
  // The trust boundary: the server answers with what its route declares (both come from @warmline/shared).
  return payload as ResponseOf<R>;
}

type OptionalIfEmpty<I> = object extends I ? [input?: I] : [input: I];
