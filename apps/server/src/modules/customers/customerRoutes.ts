import {
  AddIdentityBody,
  AttributeDefinitionBody,
  AttributeDefinitionsResponse,
  AttributeParams,
  CreateCustomerBody,
  CustomerNoteBody,
  CustomerNoteResponse,
  CustomerParams,
  CustomerProfileResponse,
  CustomersResponse,
  EraseResponse,
  IdentityParams,
  ListCustomersQuery,
  MergeBody,
  MergeParams,
  MergeResponse,
  SearchQuery,
  SearchResponse,
  TimelineQuery,
  TimelineResponse,
  UpdateCustomerBody,
} from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { defineAttribute, listAttributes, removeAttribute } from './attributes.ts';
import { mergeCustomers, undoMerge } from './customerMerges.ts';
import {
  addCustomerIdentity,
  addCustomerNote,
  createCustomer,
  customerProfile,
  customerTimeline,
  listCustomers,
  removeCustomerIdentity,
  updateCustomer,
} from './customers.ts';
import { erasePerson, exportPerson } from './privacy.ts';
import { searchWorkspace } from './search.ts';

/** One customer, one story: people, their contact points, notes, merges, privacy, custom attributes and search. */
export function customerRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/customers',
    tag: 'customers',
    summary: 'Customers, newest first, filtered by words, organization, owner or verification',
    auth: 'agent',
    query: ListCustomersQuery,
    responses: { 200: CustomersResponse },
    handler: ({ actor, query }) => listCustomers(services, actor, query),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/customers',
    tag: 'customers',
    summary: 'Add a customer; the contact points given count as proven',
    auth: 'agent',
    body: CreateCustomerBody,
    responses: { 201: CustomerProfileResponse },
    handler: async ({ actor, body, reply }) => {
      reply.code(201);
      return { customer: await createCustomer(services, actor, body) };
    },
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/customers/:id',
    tag: 'customers',
    summary: 'The profile beside a conversation: contact points, organizations, owner, attributes, past conversations, notes',
    auth: 'agent',
    params: CustomerParams,
    responses: { 200: CustomerProfileResponse },
    handler: async ({ actor, params }) => ({ customer: await customerProfile(services, actor, params.id) }),
  });

  route(app, services, {
    method: 'PATCH',
    url: '/api/v1/customers/:id',
    tag: 'customers',
    summary: "Change a customer's name, relationship owner or custom attributes (null clears one)",
    auth: 'agent',
    params: CustomerParams,
    body: UpdateCustomerBody,
    responses: { 200: CustomerProfileResponse },
    handler: async ({ actor, params, body }) => ({ customer: await updateCustomer(services, actor, params.id, body) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/customers/:id/identities',
    tag: 'customers',
    summary: 'Add an email, phone (stored E.164) or external id; 409 if it is proven for someone else',
    auth: 'agent',
    params: CustomerParams,
    body: AddIdentityBody,
    responses: { 200: CustomerProfileResponse },
    handler: async ({ actor, params, body }) => ({ customer: await addCustomerIdentity(services, actor, params.id, body) }),
  });

  route(app, services, {
    method: 'DELETE',
    url: '/api/v1/customers/:id/identities/:identityId',
    tag: 'customers',
    summary: 'Remove a contact point',
    auth: 'agent',
    params: IdentityParams,
    responses: { 200: CustomerProfileResponse },
    handler: async ({ actor, params }) => ({
      customer: await removeCustomerIdentity(services, actor, params.id, params.identityId),
    }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/customers/:id/notes',
    tag: 'customers',
    summary: 'Write an internal note about the person',
    auth: 'agent',
    params: CustomerParams,
    body: CustomerNoteBody,
    responses: { 201: CustomerNoteResponse },
    handler: async ({ actor, params, body, reply }) => {
      reply.code(201);
      return { note: await addCustomerNote(services, actor, params.id, body.body) };
    },
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/customers/:id/timeline',
    tag: 'customers',
    summary: 'Everything that happened with this person on every channel, newest first',
    auth: 'agent',
    params: CustomerParams,
    query: TimelineQuery,
    responses: { 200: TimelineResponse },
    handler: ({ actor, params, query }) => customerTimeline(services, actor, params.id, query),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/customers/:id/merge',
    tag: 'customers',
    summary: 'Fold another customer (sourceId) into this one: everything moves, audited, and can be undone',
    auth: 'agent',
    params: CustomerParams,
    body: MergeBody,
    responses: { 200: MergeResponse },
    handler: ({ actor, params, body }) => mergeCustomers(services, actor, params.id, body.sourceId),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/customer-merges/:id/undo',
    tag: 'customers',
    summary: 'Undo a merge: both customers as they were, with what happened since',
    auth: 'agent',
    params: MergeParams,
    responses: { 200: CustomerProfileResponse },
    handler: async ({ actor, params }) => ({ customer: await undoMerge(services, actor, params.id) }),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/customers/:id/export',
    tag: 'customers',
    summary: 'Everything held about this person, as JSON (supervisors and admins; audited)',
    auth: 'agent',
    params: CustomerParams,
    responses: { 200: z.record(z.string(), z.unknown()) },
    handler: async ({ actor, params, reply }) => {
      const data = await exportPerson(services, actor, params.id);
      reply.header('content-disposition', `attachment; filename="customer-${params.id.replace(/[^\w-]/g, '')}.json"`);
      return data;
    },
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/customers/:id/erase',
    tag: 'customers',
    summary: 'Erase this person: contact points and words go, aggregate figures stay (admins; audited)',
    auth: 'agent',
    params: CustomerParams,
    responses: { 200: EraseResponse },
    handler: ({ actor, params }) => erasePerson(services, actor, params.id),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/search',
    tag: 'customers',
    summary: 'Search as you type: people by name and contact points, conversations by their text',
    auth: 'agent',
    query: SearchQuery,
    responses: { 200: SearchResponse },
    handler: ({ actor, query }) => searchWorkspace(services, actor, query),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/attributes',
    tag: 'customers',
    summary: 'The custom attributes kept on customers',
    auth: 'agent',
    responses: { 200: AttributeDefinitionsResponse },
    handler: async ({ actor }) => ({ attributes: await listAttributes(services, actor) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/attributes',
    tag: 'customers',
    summary: 'Define (or redefine) a typed custom attribute: text, number, date, boolean or choice (admins)',
    auth: 'agent',
    body: AttributeDefinitionBody,
    responses: { 200: AttributeDefinitionsResponse },
    handler: async ({ actor, body }) => {
      await defineAttribute(services, actor, body);
      return { attributes: await listAttributes(services, actor) };
    },
  });

  route(app, services, {
    method: 'DELETE',
    url: '/api/v1/attributes/:key',
    tag: 'customers',
    summary: 'Remove a custom attribute definition (admins)',
    auth: 'agent',
    params: AttributeParams,
    responses: { 200: AttributeDefinitionsResponse },
    handler: async ({ actor, params }) => {
      await removeAttribute(services, actor, params.key);
      return { attributes: await listAttributes(services, actor) };
    },
  });
}
