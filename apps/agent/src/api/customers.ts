import type {
  AddIdentityKind,
  AttributeDefinitionBody,
  CreateCustomerBody,
  CreateOrganizationBody,
  MemberRole,
  OrganizationListItem,
  TimelineResponse,
  UpdateCustomerBody,
  UpdateOrganizationBody,
} from '@warmline/shared/types';
import { call } from './routes.ts';

export type { OrganizationListItem };
export type TimelinePage = TimelineResponse;
export type CreateCustomerInput = CreateCustomerBody;
export type UpdateCustomerInput = UpdateCustomerBody;
export type OrganizationInput = UpdateOrganizationBody;

const enc = encodeURIComponent;

export const customersApi = {
  /** `query` comes from {@link customersQuery}; it is already a query string. */
  list: (query: string) => call('GET /customers', { query: Object.fromEntries(new URLSearchParams(query)) }),
  create: (input: CreateCustomerInput) => call('POST /customers', { body: input }),
  get: (id: string) => call('GET /customers/:id', { params: { id } }),
  update: (id: string, input: UpdateCustomerInput) => call('PATCH /customers/:id', { params: { id }, body: input }),
  addIdentity: (id: string, kind: AddIdentityKind, value: string) =>
    call('POST /customers/:id/identities', { params: { id }, body: { kind, value } }),
  removeIdentity: (id: string, identityId: string) =>
    call('DELETE /customers/:id/identities/:identityId', { params: { id, identityId } }),
  addNote: (id: string, body: string) => call('POST /customers/:id/notes', { params: { id }, body: { body } }),
  timeline: (id: string, cursor?: string | null) =>
    call('GET /customers/:id/timeline', { params: { id }, query: { limit: 50, cursor } }),
  /** Folds `sourceId` into `id`: the source's identities, conversations and notes move over. */
  merge: (id: string, sourceId: string) => call('POST /customers/:id/merge', { params: { id }, body: { sourceId } }),
  undoMerge: (mergeId: string) => call('POST /customer-merges/:id/undo', { params: { id: mergeId } }),
  erase: (id: string) => call('POST /customers/:id/erase', { params: { id } }),
  /** Where the browser downloads everything about a person, as a JSON file. */
  exportUrl: (id: string) => `/api/v1/customers/${enc(id)}/export`,
};

export const organizationsApi = {
  list: (q?: string, cursor?: string | null) => call('GET /organizations', { query: { q, limit: 50, cursor } }),
  create: (input: CreateOrganizationBody) => call('POST /organizations', { body: input }),
  get: (id: string) => call('GET /organizations/:id', { params: { id } }),
  update: (id: string, input: OrganizationInput) => call('PATCH /organizations/:id', { params: { id }, body: input }),
  setMember: (id: string, customerId: string, role: MemberRole) =>
    call('PUT /organizations/:id/members/:customerId', { params: { id, customerId }, body: { role } }),
  removeMember: (id: string, customerId: string) =>
    call('DELETE /organizations/:id/members/:customerId', { params: { id, customerId } }),
  timeline: (id: string, cursor?: string | null) =>
    call('GET /organizations/:id/timeline', { params: { id }, query: { limit: 50, cursor } }),
};

export const attributesApi = {
  list: () => call('GET /attributes'),
  create: (input: AttributeDefinitionBody) => call('POST /attributes', { body: input }),
  remove: (key: string) => call('DELETE /attributes/:key', { params: { key } }),
};

export const searchApi = {
  search: (q: string, signal: AbortSignal) => call('GET /search', { query: { q, limit: 8 }, signal }),
};
