import type { AttributeValue, MemberRole } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import type { ContactKind, Holder } from '../domain/importPlan.ts';

/** Rows per statement: large enough that 100,000 customers take a few dozen round trips, small enough for any driver. */
const BATCH = 5_000;

export interface ImportedCustomer {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  ownerAgentId: string | null;
  attributes: Record<string, AttributeValue>;
}

/** The SQL of a customer import: what it needs to know about the workspace, then its writes in batches. */
export const customerImport = {
  async phoneCountry(sql: Sql, workspaceId: string): Promise<string | null> {
    const [row] = await sql.query<{ phoneCountry: string | null }>(
      'select phone_country as "phoneCountry" from workspaces where id = $1',
      [workspaceId],
    );
    return row?.phoneCountry ?? null;
  },

  /** The workspace's agents by lowercased email. */
  async agentIdsByEmail(sql: Sql, workspaceId: string): Promise<Map<string, string>> {
    const rows = await sql.query<{ id: string; email: string }>(
      'select id, lower(email) as email from agents where workspace_id = $1 and removed_at is null',
      [workspaceId],
    );
    return new Map(rows.map((r) => [r.email, r.id]));
  },

  /** Who holds each of these contact points proven, by `kind:value`. */
  async verifiedHolders(
    sql: Sql,
    workspaceId: string,
    points: ReadonlyArray<{ kind: ContactKind; value: string }>,
  ): Promise<Map<string, Holder>> {
    const holders = new Map<string, Holder>();
    for (const batch of batches(points)) {
      const rows = await sql.query<{ kind: string; value: string; customerId: string; live: boolean }>(
        `select i.kind, i.value, i.customer_id as "customerId", (c.merged_into is null and c.erased_at is null) as live
         from unnest($2::text[], $3::text[]) as p(kind, value)
         join identities i on i.workspace_id = $1 and i.kind = p.kind and i.value = p.value and i.verified
         join customers c on c.id = i.customer_id`,
        [workspaceId, batch.map((p) => p.kind), batch.map((p) => p.value)],
      );
      for (const r of rows) holders.set(`${r.kind}:${r.value}`, { customerId: r.customerId, live: r.live });
    }
    return holders;
  },

  /** The organizations with these names (case-insensitive), creating the missing ones as businesses. By lowercased name. */
  async findOrCreateOrganizations(sql: Sql, workspaceId: string, names: readonly string[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    if (names.length === 0) return ids;
    const found = await sql.query<{ key: string; id: string }>(
      `select distinct on (lower(name)) lower(name) as key, id from organizations
       where workspace_id = $1 and lower(name) = any($2::text[]) order by lower(name), created_at, id`,
      [workspaceId, names.map((n) => n.toLowerCase())],
    );
    for (const r of found) ids.set(r.key, r.id);
    const missing = names.filter((n) => !ids.has(n.toLowerCase()));
    for (const batch of batches(missing)) {
      const created = await sql.query<{ key: string; id: string }>(
        `insert into organizations (workspace_id, name, kind) select $1, n, 'business' from unnest($2::text[]) as n
         returning lower(name) as key, id`,
        [workspaceId, batch],
      );
      for (const r of created) ids.set(r.key, r.id);
    }
    return ids;
  },

  async insertCustomers(sql: Sql, workspaceId: string, rows: readonly ImportedCustomer[]): Promise<void> {
    for (const batch of batches(rows)) {
      await sql.query(
        `insert into customers (id, workspace_id, name, email, phone, owner_agent_id, attributes)
         select v.id, $1, v.name, v.email, v.phone, v.owner, v.attributes::jsonb
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[]) as v(id, name, email, phone, owner, attributes)`,
        [workspaceId, ...columnsOf(batch)],
      );
    }
  },

  /** Adds to existing customers: fills a blank name, email and phone; sets the owner when given and the attributes. */
  async updateCustomers(sql: Sql, workspaceId: string, rows: readonly ImportedCustomer[]): Promise<void> {
    for (const batch of batches(rows)) {
      await sql.query(
        `update customers c set name = coalesce(c.name, v.name), email = coalesce(c.email, v.email), phone = coalesce(c.phone, v.phone),
           owner_agent_id = coalesce(v.owner, c.owner_agent_id), attributes = c.attributes || v.attributes::jsonb, updated_at = now()
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[]) as v(id, name, email, phone, owner, attributes)
         where c.workspace_id = $1 and c.id = v.id`,
        [workspaceId, ...columnsOf(batch)],
      );
    }
  },

  /** Adds proven contact points; one the customer already had unproven becomes proven. */
  async addVerifiedIdentities(
    sql: Sql,
    workspaceId: string,
    rows: ReadonlyArray<{ customerId: string; kind: ContactKind; value: string }>,
  ): Promise<void> {
    for (const batch of batches(rows)) {
      await sql.query(
        `insert into identities (workspace_id, customer_id, kind, value, verified)
         select $1, v.customer_id, v.kind, v.value, true from unnest($2::uuid[], $3::text[], $4::text[]) as v(customer_id, kind, value)
         on conflict (customer_id, kind, value) do update set verified = true`,
        [workspaceId, batch.map((r) => r.customerId), batch.map((r) => r.kind), batch.map((r) => r.value)],
      );
    }
  },

  /** Adds memberships; a customer already in the organization takes the role given. */
  async putMemberships(
    sql: Sql,
    workspaceId: string,
    rows: ReadonlyArray<{ organizationId: string; customerId: string; role: MemberRole }>,
  ): Promise<void> {
    for (const batch of batches(rows)) {
      await sql.query(
        `insert into organization_members (workspace_id, organization_id, customer_id, role)
         select $1, v.organization_id, v.customer_id, v.role from unnest($2::uuid[], $3::uuid[], $4::text[]) as v(organization_id, customer_id, role)
         on conflict (organization_id, customer_id) do update set role = excluded.role`,
        [workspaceId, batch.map((r) => r.organizationId), batch.map((r) => r.customerId), batch.map((r) => r.role)],
      );
    }
  },
};

function columnsOf(rows: readonly ImportedCustomer[]): unknown[] {
  return [
    rows.map((r) => r.id),
    rows.map((r) => r.name),
    rows.map((r) => r.email),
    rows.map((r) => r.phone),
    rows.map((r) => r.ownerAgentId),
    rows.map((r) => JSON.stringify(r.attributes)),
  ];
}

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}
