import {
  CreateOrganizationBody,
  ListOrganizationsQuery,
  MemberBody,
  MemberParams,
  OrganizationParams,
  OrganizationResponse,
  OrganizationsResponse,
  TimelineQuery,
  TimelineResponse,
  UpdateOrganizationBody,
} from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import {
  createOrganization,
  getOrganization,
  listOrganizations,
  organizationTimeline,
  removeMember,
  setMember,
  updateOrganization,
} from './organizations.ts';

/** B2B accounts and households, their members with roles, and their shared timeline. */
export function organizationRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/organizations',
    tag: 'organizations',
    summary: 'Organizations and households, A–Z',
    auth: 'agent',
    query: ListOrganizationsQuery,
    responses: { 200: OrganizationsResponse },
    handler: ({ actor, query }) => listOrganizations(services, actor, query),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/organizations',
    tag: 'organizations',
    summary: 'Create an organization (a business account or a household)',
    auth: 'agent',
    body: CreateOrganizationBody,
    responses: { 201: OrganizationResponse },
    handler: async ({ actor, body, reply }) => {
      reply.code(201);
      return { organization: await createOrganization(services, actor, body) };
    },
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/organizations/:id',
    tag: 'organizations',
    summary: 'An organization with its members, their roles and the account owner',
    auth: 'agent',
    params: OrganizationParams,
    responses: { 200: OrganizationResponse },
    handler: async ({ actor, params }) => ({ organization: await getOrganization(services, actor, params.id) }),
  });

  route(app, services, {
    method: 'PATCH',
    url: '/api/v1/organizations/:id',
    tag: 'organizations',
    summary: 'Rename an organization, change its kind or account owner',
    auth: 'agent',
    params: OrganizationParams,
    body: UpdateOrganizationBody,
    responses: { 200: OrganizationResponse },
    handler: async ({ actor, params, body }) => ({ organization: await updateOrganization(services, actor, params.id, body) }),
  });

  route(app, services, {
    method: 'PUT',
    url: '/api/v1/organizations/:id/members/:customerId',
    tag: 'organizations',
    summary: 'Add a customer as a member with a role, or change their role',
    auth: 'agent',
    params: MemberParams,
    body: MemberBody,
    responses: { 200: OrganizationResponse },
    handler: async ({ actor, params, body }) => ({
      organization: await setMember(services, actor, params.id, params.customerId, body.role),
    }),
  });

  route(app, services, {
    method: 'DELETE',
    url: '/api/v1/organizations/:id/members/:customerId',
    tag: 'organizations',
    summary: 'Remove a member',
    auth: 'agent',
    params: MemberParams,
    responses: { 200: OrganizationResponse },
    handler: async ({ actor, params }) => ({ organization: await removeMember(services, actor, params.id, params.customerId) }),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/organizations/:id/timeline',
    tag: 'organizations',
    summary: "Every member's story on one timeline, newest first",
    auth: 'agent',
    params: OrganizationParams,
    query: TimelineQuery,
    responses: { 200: TimelineResponse },
    handler: ({ actor, params, query }) => organizationTimeline(services, actor, params.id, query),
  });
}
