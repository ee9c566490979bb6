import type { AttributeValue, IdentityKind } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import { isUuid } from '../../../core/db/rows.ts';

export interface CustomerRecord {
  id: string;
  workspaceId: string;
  name: string | null;
  /** The primary email and phone shown on the profile; every contact point is an identity. */
  email: string | null;
  phone: string | null;
  ownerAgentId: string | null;
  attributes: Record<string, AttributeValue>;
  mergedInto: string | null;
  erasedAt: Date | null;
  createdAt: Date;
  /** See CUSTOMER_VERIFIED. */
  verified: boolean;
  /** Visitor tokens issued in an earlier epoch no longer work. */
  visitorEpoch: number;
  /** `createdAt` at full precision, for cursors. */
  createdAtKey: string;
}

export interface IdentityRecord {
  id: string;
  customerId: string;
  kind: IdentityKind;
  value: string;
  verified: boolean;
  createdAt: Date;
}

/**
 * A customer is verified when a contact point of theirs is proven (a website's HMAC, an import, an agent) and none
 * of those their record shows — its email and phone — was only typed: a signed-in website user who types someone
 * else's email is not shown as verified with it.
 */
export const CUSTOMER_VERIFIED = `(exists (select 1 from identities i where i.customer_id = c.id and i.verified)
  and not exists (select 1 from identities i where i.customer_id = c.id and not i.verified
    and ((i.kind = 'email' and i.value = c.email) or (i.kind = 'phone' and i.value = c.phone))))`;

const columns = `c.id, c.workspace_id as "workspaceId", c.name, c.email, c.phone, c.owner_agent_id as "ownerAgentId",
  c.attributes, c.merged_into as "mergedInto", c.erased_at as "erasedAt", c.created_at as "createdAt",
  ${CUSTOMER_VERIFIED} as verified, c.visitor_epoch as "visitorEpoch", c.created_at::text as "createdAtKey"`;
export const CUSTOMER_COLUMNS = columns;

const identityColumns = `id, customer_id as "customerId", kind, value, verified, created_at as "createdAt"`;

/** The text a customer is found by; the same expression as the customers_search index. */
export const CUSTOMER_SEARCH_VECTOR = `to_tsvector('simple', coalesce(c.name, '') || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.phone, ''))`;

export type AddIdentityResult =
  | { outcome: 'added'; identity: IdentityRecord }
  | { outcome: 'exists'; identity: IdentityRecord }
  /** A proven contact point already belongs to someone else. */
  | { outcome: 'taken'; ownerId: string };

export const customers = {
  async create(
    sql: Sql,
    workspaceId: string,
    input: {
      name?: string | null;
      email?: string | null;
      phone?: string | null;
      ownerAgentId?: string | null;
      attributes?: Record<string, AttributeValue>;
    } = {},
  ): Promise<CustomerRecord> {
    const [row] = await sql.query<{ id: string }>(
      `insert into customers (workspace_id, name, email, phone, owner_agent_id, attributes) values ($1, $2, $3, $4, $5, $6) returning id`,
      [
        workspaceId,
        input.name ?? null,
        input.email ?? null,
        input.phone ?? null,
        input.ownerAgentId ?? null,
        JSON.stringify(input.attributes ?? {}),
      ],
    );
    return (await customers.byId(sql, workspaceId, row!.id))!;
  },

  /** Any customer row, merged-away and erased ones included (callers decide what those mean). */
  async byId(sql: Sql, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<CustomerRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<CustomerRecord>(
      `select ${columns} from customers c where c.workspace_id = $1 and c.id = $2 ${opts.forUpdate ? 'for update of c' : ''}`,
      [workspaceId, id],
    );
    return row ?? null;
  },

  async byIds(sql: Sql, workspaceId: string, ids: string[]): Promise<CustomerRecord[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return sql.query<CustomerRecord>(`select ${columns} from customers c where c.workspace_id = $1 and c.id = any($2::uuid[])`, [
      workspaceId,
      valid,
    ]);
  },

  /** The live customer a proven contact point belongs to. */
  async byVerifiedIdentity(sql: Sql, workspaceId: string, kind: IdentityKind, value: string): Promise<CustomerRecord | null> {
    const [row] = await sql.query<CustomerRecord>(
      `select ${columns} from identities i join customers c on c.id = i.customer_id
       where i.workspace_id = $1 and i.kind = $2 and i.value = $3 and i.verified
         and c.merged_into is null and c.erased_at is null`,
      [workspaceId, kind, value],
    );
    return row ?? null;
  },

  /**
   * Who a message from this contact point lands on: the proven owner if there is one, else the
   * customer who first gave it (unproven), else nobody.
   */
  async resolve(
    sql: Sql,
    workspaceId: string,
    kind: IdentityKind,
    value: string,
    opts: { verifiedOnly?: boolean } = {},
  ): Promise<CustomerRecord | null> {
    const [row] = await sql.query<CustomerRecord>(
      `select ${columns} from identities i join customers c on c.id = i.customer_id
       where i.workspace_id = $1 and i.kind = $2 and i.value = $3 and c.merged_into is null and c.erased_at is null
         ${opts.verifiedOnly ? 'and i.verified' : ''}
       order by i.verified desc, i.created_at, i.id limit 1`,
      [workspaceId, kind, value],
    );
    return row ?? null;
  },

  async updateContact(sql: Sql, workspaceId: string, id: string, input: { name?: string | null; email?: string | null }) {
    await sql.query(
      `update customers set name = coalesce($3, name), email = coalesce($4, email), updated_at = now()
       where workspace_id = $1 and id = $2`,
      [workspaceId, id, input.name ?? null, input.email ?? null],
    );
  },

  /** Sets the given fields; `attributes` are merged in, a null value removes that key. */
  async update(
    sql: Sql,
    workspaceId: string,
    id: string,
    input: { name?: string | null; ownerAgentId?: string | null; attributes?: Record<string, AttributeValue> },
  ): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [workspaceId, id];
    if (input.name !== undefined) {
      params.push(input.name);
      sets.push(`name = $${params.length}`);
    }
    if (input.ownerAgentId !== undefined) {
      params.push(input.ownerAgentId);
      sets.push(`owner_agent_id = $${params.length}`);
    }
    if (input.attributes !== undefined) {
      params.push(JSON.stringify(input.attributes));
      // jsonb_strip_nulls drops the keys the caller cleared.
      sets.push(`attributes = jsonb_strip_nulls(attributes || $${params.length}::jsonb)`);
    }
    if (sets.length === 0) return;
    await sql.query(`update customers set ${sets.join(', ')}, updated_at = now() where workspace_id = $1 and id = $2`, params);
  },

  /**
   * Adds a contact point to a customer. A proven one may belong to one customer only: if someone else
   * holds it proven, nothing is written and the holder is returned. Fills the profile's primary
   * email or phone when it has none.
   */
  async addIdentity(
    sql: Sql,
    workspaceId: string,
    input: { customerId: string; kind: IdentityKind; value: string; verified: boolean },
  ): Promise<AddIdentityResult> {
    if (input.verified) {
      const [holder] = await sql.query<{ customerId: string }>(
        `select customer_id as "customerId" from identities where workspace_id = $1 and kind = $2 and value = $3 and verified`,
        [workspaceId, input.kind, input.value],
      );
      if (holder && holder.customerId !== input.customerId) return { outcome: 'taken', ownerId: holder.customerId };
    }
    const [added] = await sql.query<IdentityRecord>(
      `insert into identities (workspace_id, customer_id, kind, value, verified) values ($1, $2, $3, $4, $5)
       on conflict (customer_id, kind, value) do nothing returning ${identityColumns}`,
      [workspaceId, input.customerId, input.kind, input.value, input.verified],
    );
    if (added) {
      if (input.kind === 'email' || input.kind === 'phone') {
        await sql.query(
          `update customers set ${input.kind} = coalesce(${input.kind}, $3), updated_at = now() where workspace_id = $1 and id = $2`,
          [workspaceId, input.customerId, input.value],
        );
      }
      return { outcome: 'added', identity: added };
    }
    // Already on this customer: a proof now given upgrades it.
    const [existing] = await sql.query<IdentityRecord>(
      `update identities set verified = verified or $4 where customer_id = $1 and kind = $2 and value = $3
       returning ${identityColumns}`,
      [input.customerId, input.kind, input.value, input.verified],
    );
    return { outcome: 'exists', identity: existing! };
  },

  async identities(sql: Sql, workspaceId: string, customerId: string): Promise<IdentityRecord[]> {
    return sql.query<IdentityRecord>(
      `select ${identityColumns} from identities where workspace_id = $1 and customer_id = $2
       order by case kind when 'external' then 0 when 'email' then 1 when 'phone' then 2 else 3 end, created_at, id`,
      [workspaceId, customerId],
    );
  },

  /** Removes a contact point; the profile's primary email/phone falls back to the next one. */
  async removeIdentity(sql: Sql, workspaceId: string, customerId: string, identityId: string): Promise<boolean> {
    if (!isUuid(identityId)) return false;
    const [removed] = await sql.query<{ kind: string }>(
      `delete from identities where workspace_id = $1 and customer_id = $2 and id = $3 returning kind`,
      [workspaceId, customerId, identityId],
    );
    if (!removed) return false;
    await customers.refreshPrimaryContacts(sql, workspaceId, customerId);
    return true;
  },

  /** Re-derives the profile's primary email and phone from the identities (after a merge, unmerge or removal). */
  async refreshPrimaryContacts(sql: Sql, workspaceId: string, customerId: string): Promise<void> {
    await sql.query(
      `update customers c set
         email = (select value from identities i where i.customer_id = c.id and i.kind = 'email'
                  order by (i.value = c.email) desc, i.verified desc, i.created_at limit 1),
         phone = (select value from identities i where i.customer_id = c.id and i.kind = 'phone'
                  order by (i.value = c.phone) desc, i.verified desc, i.created_at limit 1),
         updated_at = now()
       where c.workspace_id = $1 and c.id = $2`,
      [workspaceId, customerId],
    );
  },

  /** Ends every visitor token issued to these customers so far (the next epoch). */
  async revokeVisitorTokens(sql: Sql, workspaceId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await sql.query(
      'update customers set visitor_epoch = visitor_epoch + 1, updated_at = now() where workspace_id = $1 and id = any($2::uuid[])',
      [workspaceId, ids],
    );
  },

  /**
   * Other live customers sharing an email or phone with this one: "possibly the same person".
   * Returns each with the shared contact points.
   */
  /**
   * Since when this is a customer: their record, or their first conversation or entry when that is older (an
   * import, a merge or an email thread can bring history from before the record was made).
   */
  async customerSince(sql: Sql, workspaceId: string, id: string): Promise<Date> {
    const [row] = await sql.query<{ since: Date }>(
      `select least(c.created_at,
         (select min(v.started_at) from conversations v where v.workspace_id = c.workspace_id and v.customer_id = c.id),
         (select min(e.created_at) from conversations v join entries e on e.conversation_id = v.id
            where v.workspace_id = c.workspace_id and v.customer_id = c.id)) as since
       from customers c where c.workspace_id = $1 and c.id = $2`,
      [workspaceId, id],
    );
    return row!.since;
  },
  async lookalikes(
    sql: Sql,
    workspaceId: string,
    customerId: string,
  ): Promise<Array<{ customer: CustomerRecord; shared: string[] }>> {
    const rows = await sql.query<CustomerRecord & { shared: string[] }>(
      `select ${columns}, array_agg(distinct o.kind || ': ' || o.value) as shared
       from identities mine
       join identities o on o.workspace_id = mine.workspace_id and o.kind = mine.kind and o.value = mine.value
         and o.customer_id <> mine.customer_id
       join customers c on c.id = o.customer_id and c.merged_into is null and c.erased_at is null
       where mine.workspace_id = $1 and mine.customer_id = $2 and mine.kind in ('email', 'phone')
       group by c.id
       order by c.created_at
       limit 10`,
      [workspaceId, customerId],
    );
    return rows.map(({ shared, ...customer }) => ({ customer, shared: shared.sort() }));
  },

  /** Live customers, newest first, with keyset pagination on (created_at, id). */
  async list(
    sql: Sql,
    workspaceId: string,
    filter: {
      organizationId?: string | undefined;
      ownerId?: string | undefined;
      verified?: boolean | undefined;
      query?: string | undefined;
      before?: { createdAt: string; id: string } | undefined;
      limit: number;
    },
  ): Promise<CustomerRecord[]> {
    const where = ['c.workspace_id = $1', 'c.merged_into is null'];
    const params: unknown[] = [workspaceId];
    if (filter.organizationId) {
      if (!isUuid(filter.organizationId)) return [];
      params.push(filter.organizationId);
      where.push(
        `exists (select 1 from organization_members m where m.customer_id = c.id and m.organization_id = $${params.length})`,
      );
    }
    if (filter.ownerId) {
      if (!isUuid(filter.ownerId)) return [];
      params.push(filter.ownerId);
      where.push(`c.owner_agent_id = $${params.length}`);
    }
    if (filter.verified !== undefined) {
      where.push(`${filter.verified ? '' : 'not '}${CUSTOMER_VERIFIED}`);
    }
    if (filter.query) {
      params.push(filter.query);
      where.push(`${CUSTOMER_SEARCH_VECTOR} @@ to_tsquery('simple', $${params.length})`);
    }
    if (filter.before) {
      params.push(filter.before.createdAt, filter.before.id);
      where.push(`(c.created_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit);
    return sql.query<CustomerRecord>(
      `select ${columns} from customers c where ${where.join(' and ')} order by c.created_at desc, c.id desc limit $${params.length}`,
      params,
    );
  },

  async count(sql: Sql, workspaceId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      'select count(*)::int as n from customers where workspace_id = $1 and merged_into is null',
      [workspaceId],
    );
    return row!.n;
  },
};
