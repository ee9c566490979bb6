import type { MemberRole, OrganizationKind } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import { isUuid } from '../../../core/db/rows.ts';
import { CUSTOMER_COLUMNS, type CustomerRecord } from './customers.ts';

export interface OrganizationRecord {
  id: string;
  name: string;
  kind: OrganizationKind;
  ownerAgentId: string | null;
  memberCount: number;
  createdAt: Date;
}

export interface MembershipRecord {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  role: MemberRole;
}

const columns = `o.id, o.name, o.kind, o.owner_agent_id as "ownerAgentId", o.created_at as "createdAt",
  (select count(*)::int from organization_members m where m.organization_id = o.id) as "memberCount"`;

/** B2B accounts and households, and the customers in them with their role. */
export const organizations = {
  async create(
    sql: Sql,
    workspaceId: string,
    input: { name: string; kind: OrganizationKind; ownerAgentId: string | null },
  ): Promise<OrganizationRecord> {
    const [row] = await sql.query<{ id: string }>(
      `insert into organizations (workspace_id, name, kind, owner_agent_id) values ($1, $2, $3, $4) returning id`,
      [workspaceId, input.name, input.kind, input.ownerAgentId],
    );
    return (await organizations.byId(sql, workspaceId, row!.id))!;
  },
  async byId(sql: Sql, workspaceId: string, id: string): Promise<OrganizationRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<OrganizationRecord>(
      `select ${columns} from organizations o where o.workspace_id = $1 and o.id = $2`,
      [workspaceId, id],
    );
    return row ?? null;
  },
  async update(
    sql: Sql,
    workspaceId: string,
    id: string,
    input: { name?: string | undefined; kind?: OrganizationKind | undefined; ownerAgentId?: string | null | undefined },
  ): Promise<void> {
    await sql.query(
      `update organizations set name = coalesce($3, name), kind = coalesce($4, kind),
         owner_agent_id = case when $5 then $6::uuid else owner_agent_id end, updated_at = now()
       where workspace_id = $1 and id = $2`,
      [workspaceId, id, input.name ?? null, input.kind ?? null, input.ownerAgentId !== undefined, input.ownerAgentId ?? null],
    );
  },
  /** By name, A–Z, keyset-paginated on (lower(name), id). */
  async list(
    sql: Sql,
    workspaceId: string,
    filter: { query?: string | undefined; after?: { name: string; id: string } | undefined; limit: number },
  ): Promise<OrganizationRecord[]> {
    const where = ['o.workspace_id = $1'];
    const params: unknown[] = [workspaceId];
    if (filter.query) {
      params.push(`%${filter.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`lower(o.name) like $${params.length}`);
    }
    if (filter.after) {
      params.push(filter.after.name, filter.after.id);
      where.push(`(lower(o.name), o.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(filter.limit);
    return sql.query<OrganizationRecord>(
      `select ${columns} from organizations o where ${where.join(' and ')} order by lower(o.name), o.id limit $${params.length}`,
      params,
    );
  },
  async members(
    sql: Sql,
    workspaceId: string,
    organizationId: string,
  ): Promise<Array<{ customer: CustomerRecord; role: MemberRole }>> {
    const rows = await sql.query<CustomerRecord & { role: MemberRole }>(
      `select ${CUSTOMER_COLUMNS}, m.role from organization_members m join customers c on c.id = m.customer_id
       where m.workspace_id = $1 and m.organization_id = $2
       order by case m.role when 'decision_maker' then 0 when 'buyer' then 1 when 'user' then 2 when 'beneficiary' then 3 else 4 end,
         c.name nulls last, c.id`,
      [workspaceId, organizationId],
    );
    return rows.map(({ role, ...customer }) => ({ customer, role }));
  },
  async memberIds(sql: Sql, workspaceId: string, organizationId: string): Promise<string[]> {
    const rows = await sql.query<{ id: string }>(
      'select customer_id as id from organization_members where workspace_id = $1 and organization_id = $2',
      [workspaceId, organizationId],
    );
    return rows.map((r) => r.id);
  },
  async setMember(sql: Sql, workspaceId: string, organizationId: string, customerId: string, role: MemberRole): Promise<void> {
    await sql.query(
      `insert into organization_members (workspace_id, organization_id, customer_id, role) values ($1, $2, $3, $4)
       on conflict (organization_id, customer_id) do update set role = excluded.role`,
      [workspaceId, organizationId, customerId, role],
    );
  },
  async removeMember(sql: Sql, workspaceId: string, organizationId: string, customerId: string): Promise<boolean> {
    if (!isUuid(customerId)) return false;
    const rows = await sql.query(
      'delete from organization_members where workspace_id = $1 and organization_id = $2 and customer_id = $3 returning role',
      [workspaceId, organizationId, customerId],
    );
    return rows.length > 0;
  },
  async membershipsOf(sql: Sql, workspaceId: string, customerId: string): Promise<MembershipRecord[]> {
    return sql.query<MembershipRecord>(
      `select o.id as "organizationId", o.name as "organizationName", o.kind as "organizationKind", m.role
       from organization_members m join organizations o on o.id = m.organization_id
       where m.workspace_id = $1 and m.customer_id = $2 order by o.name`,
      [workspaceId, customerId],
    );
  },
};
