import type { MemberRole, Organization, OrganizationKind, TimelineItem } from '@warmline/shared';
import type { AgentActor, Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { iso } from '../../core/db/rows.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { agents, presentPublicAgent } from '../teams/index.ts';
import { customerFor, decodeCursor, encodeCursor, ownerFor, timelinePage } from './customers.ts';
import { presentCustomerSummary } from './presentCustomer.ts';
import { type OrganizationRecord, organizations } from './repository/organizations.ts';

/** B2B accounts and households: who is in them, in what role, and who looks after the account. */

export async function listOrganizations(
  services: Services,
  actor: AgentActor,
  input: { q?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const after = input.cursor ? (decodeCursor(input.cursor, ['name', 'id']) as { name: string; id: string }) : undefined;
  const rows = await organizations.list(services.db, actor.workspaceId, { query: input.q, after, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const owners = await ownersOf(services.db, actor, page);
  const last = page.at(-1);
  return {
    organizations: page.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      owner: o.ownerAgentId ? (owners.get(o.ownerAgentId) ?? null) : null,
      memberCount: o.memberCount,
      createdAt: iso(o.createdAt),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ name: last.name.toLowerCase(), id: last.id }) : null,
  };
}

export async function createOrganization(
  services: Services,
  actor: AgentActor,
  input: { name: string; kind: OrganizationKind; ownerId?: string | null | undefined },
): Promise<Organization> {
  if (input.ownerId) await ownerFor(services.db, actor, input.ownerId);
  const created = await organizations.create(services.db, actor.workspaceId, {
    name: input.name,
    kind: input.kind,
    ownerAgentId: input.ownerId ?? null,
  });
  return getOrganization(services, actor, created.id);
}

export async function getOrganization(services: Services, actor: AgentActor, id: string): Promise<Organization> {
  const organization = await organizationFor(services.db, actor, id);
  const [members, owners] = await Promise.all([
    organizations.members(services.db, actor.workspaceId, organization.id),
    ownersOf(services.db, actor, [organization]),
  ]);
  return {
    id: organization.id,
    name: organization.name,
    kind: organization.kind,
    owner: organization.ownerAgentId ? (owners.get(organization.ownerAgentId) ?? null) : null,
    members: members.map((m) => ({ customer: presentCustomerSummary(m.customer), role: m.role })),
    createdAt: iso(organization.createdAt),
  };
}

export async function updateOrganization(
  services: Services,
  actor: AgentActor,
  id: string,
  input: { name?: string | undefined; kind?: OrganizationKind | undefined; ownerId?: string | null | undefined },
): Promise<Organization> {
  const organization = await organizationFor(services.db, actor, id);
  if (input.ownerId) await ownerFor(services.db, actor, input.ownerId);
  await organizations.update(services.db, actor.workspaceId, organization.id, {
    name: input.name,
    kind: input.kind,
    ownerAgentId: input.ownerId,
  });
  return getOrganization(services, actor, organization.id);
}

/** Adds a customer to the organization with a role, or changes their role. */
export async function setMember(
  services: Services,
  actor: AgentActor,
  id: string,
  customerId: string,
  role: MemberRole,
): Promise<Organization> {
  await services.db.transaction(async (tx) => {
    const organization = await organizationFor(tx, actor, id);
    const customer = await customerFor(tx, actor, customerId);
    if (customer.erasedAt) throw new Invalid('an erased customer cannot join an organization');
    await organizations.setMember(tx, actor.workspaceId, organization.id, customer.id, role);
  });
  return getOrganization(services, actor, id);
}

export async function removeMember(services: Services, actor: AgentActor, id: string, customerId: string): Promise<Organization> {
  const organization = await organizationFor(services.db, actor, id);
  if (!(await organizations.removeMember(services.db, actor.workspaceId, organization.id, customerId)))
    throw new NotFound('Member');
  return getOrganization(services, actor, organization.id);
}

/** Every member's story on one timeline, newest first. */
export async function organizationTimeline(
  services: Services,
  actor: AgentActor,
  id: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
  const organization = await organizationFor(services.db, actor, id);
  const members = await organizations.memberIds(services.db, actor.workspaceId, organization.id);
  return timelinePage(services.db, actor, members, page);
}

async function organizationFor(sql: Sql, actor: AgentActor, id: string): Promise<OrganizationRecord> {
  const organization = await organizations.byId(sql, actor.workspaceId, id);
  if (!organization) throw new NotFound('Organization');
  return organization;
}

async function ownersOf(sql: Sql, actor: AgentActor, list: OrganizationRecord[]) {
  const ids = [...new Set(list.map((o) => o.ownerAgentId).filter((id): id is string => id !== null))];
  const people = await Promise.all(ids.map((id) => agents.byId(sql, actor.workspaceId, id)));
  return new Map(people.filter((p) => p !== null).map((p) => [p.id, presentPublicAgent(p)]));
}
