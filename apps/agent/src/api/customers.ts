import type {
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
} from '@warmline/shared';
import { request } from './http.ts';

export interface TimelinePage {
  items: TimelineItem[];
  nextCursor: string | null;
}

/** An organization as the list shows it: no members, only how many. */
export type OrganizationListItem = Omit<Organization, 'members'> & { memberCount: number };

export interface CreateCustomerInput {
  name?: string;
  email?: string;
  phone?: string;
  externalId?: string;
  ownerId?: string | null;
}

export interface UpdateCustomerInput {
  name?: string | null;
  ownerId?: string | null;
  attributes?: Record<string, AttributeValue>;
}

export interface OrganizationInput {
  name?: string;
  kind?: OrganizationKind;
  ownerId?: string | null;
}

const enc = encodeURIComponent;

function pagedQuery(params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}

type ProfileAnswer = Promise<{ customer: CustomerProfile }>;

export const customersApi = {
  /** `query` comes from {@link customersQuery}. */
  list: (query: string) => request<{ customers: CustomerSummary[]; nextCursor: string | null }>('GET', `/customers?${query}`),
  create: (input: CreateCustomerInput): ProfileAnswer => request('POST', '/customers', { body: input }),
  get: (id: string): ProfileAnswer => request('GET', `/customers/${enc(id)}`),
  update: (id: string, input: UpdateCustomerInput): ProfileAnswer => request('PATCH', `/customers/${enc(id)}`, { body: input }),
  addIdentity: (id: string, kind: 'email' | 'phone' | 'external', value: string): ProfileAnswer =>
    request('POST', `/customers/${enc(id)}/identities`, { body: { kind, value } }),
  removeIdentity: (id: string, identityId: string): ProfileAnswer =>
    request('DELETE', `/customers/${enc(id)}/identities/${enc(identityId)}`),
  addNote: (id: string, body: string) =>
    request<{ note: CustomerNote }>('POST', `/customers/${enc(id)}/notes`, { body: { body } }),
  timeline: (id: string, cursor?: string | null) =>
    request<TimelinePage>('GET', `/customers/${enc(id)}/timeline${pagedQuery({ limit: 50, cursor })}`),
  /** Folds `sourceId` into `id`: the source's identities, conversations and notes move over. */
  merge: (id: string, sourceId: string) =>
    request<{ mergeId: string; customer: CustomerProfile }>('POST', `/customers/${enc(id)}/merge`, { body: { sourceId } }),
  undoMerge: (mergeId: string): ProfileAnswer => request('POST', `/customer-merges/${enc(mergeId)}/undo`),
  erase: (id: string) => request<{ erased: true; customerId: string }>('POST', `/customers/${enc(id)}/erase`),
  /** Where the browser downloads everything about a person, as a JSON file. */
  exportUrl: (id: string) => `/api/v1/customers/${enc(id)}/export`,
};

type OrganizationAnswer = Promise<{ organization: Organization }>;

export const organizationsApi = {
  list: (q?: string, cursor?: string | null) =>
    request<{ organizations: OrganizationListItem[]; nextCursor: string | null }>(
      'GET',
      `/organizations${pagedQuery({ q, limit: 50, cursor })}`,
    ),
  create: (input: OrganizationInput & { name: string }): OrganizationAnswer => request('POST', '/organizations', { body: input }),
  get: (id: string): OrganizationAnswer => request('GET', `/organizations/${enc(id)}`),
  update: (id: string, input: OrganizationInput): OrganizationAnswer =>
    request('PATCH', `/organizations/${enc(id)}`, { body: input }),
  setMember: (id: string, customerId: string, role: MemberRole): OrganizationAnswer =>
    request('PUT', `/organizations/${enc(id)}/members/${enc(customerId)}`, { body: { role } }),
  removeMember: (id: string, customerId: string): OrganizationAnswer =>
    request('DELETE', `/organizations/${enc(id)}/members/${enc(customerId)}`),
  timeline: (id: string, cursor?: string | null) =>
    request<TimelinePage>('GET', `/organizations/${enc(id)}/timeline${pagedQuery({ limit: 50, cursor })}`),
};

export const attributesApi = {
  list: () => request<{ attributes: AttributeDefinition[] }>('GET', '/attributes'),
  create: (input: { key: string; label: string; type: AttributeType; choices: string[] }) =>
    request<unknown>('POST', '/attributes', { body: input }),
  remove: (key: string) => request<void>('DELETE', `/attributes/${enc(key)}`),
};

export const searchApi = {
  search: (q: string, signal: AbortSignal) => request<SearchResponse>('GET', `/search${pagedQuery({ q, limit: 8 })}`, { signal }),
};
