import type { AttributeValue, MemberRole } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import { CUSTOMER_VERIFIED } from './customers.ts';

export interface ExportedCustomerRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  verified: boolean;
  erasedAt: Date | null;
  ownerEmail: string | null;
  organizations: Array<{ name: string; role: MemberRole }>;
  attributes: Record<string, AttributeValue>;
  createdAt: Date;
}

export interface ExportedConversationRow {
  id: string;
  customerId: string;
  channel: string;
  status: string;
  team: string | null;
  assigneeEmail: string | null;
  assigneeName: string | null;
  startedAt: Date;
  humanConnectedAt: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  messageCount: number;
}

/**
 * Reads for exports, a page at a time: first every id in order (small), then the rows of one page of ids,
 * so a workspace of any size is written without holding it all in memory or one transaction open.
 */
export const customerExport = {
  /** Live customers (merged-away ones are part of someone else now), oldest first. */
  async customerIds(sql: Sql, workspaceId: string): Promise<string[]> {
    const rows = await sql.query<{ id: string }>(
      'select id from customers where workspace_id = $1 and merged_into is null order by created_at, id',
      [workspaceId],
    );
    return rows.map((r) => r.id);
  },

  async customers(sql: Sql, workspaceId: string, ids: readonly string[]): Promise<ExportedCustomerRow[]> {
    const rows = await sql.query<ExportedCustomerRow>(
      `select c.id, c.name, c.email, c.phone, c.attributes, c.erased_at as "erasedAt", c.created_at as "createdAt",
         a.email as "ownerEmail",
         (select i.value from identities i where i.customer_id = c.id and i.kind = 'external'
          order by i.verified desc, i.created_at, i.id limit 1) as "externalId",
         ${CUSTOMER_VERIFIED} as verified,
         coalesce((select json_agg(json_build_object('name', o.name, 'role', m.role) order by lower(o.name), o.id)
                   from organization_members m join organizations o on o.id = m.organization_id
                   where m.customer_id = c.id), '[]'::json) as organizations
       from customers c left join agents a on a.id = c.owner_agent_id
       where c.workspace_id = $1 and c.id = any($2::uuid[])`,
      [workspaceId, ids],
    );
    return inOrder(ids, rows);
  },

  /** Every conversation of the workspace, oldest first. */
  async conversationIds(sql: Sql, workspaceId: string): Promise<string[]> {
    const rows = await sql.query<{ id: string }>('select id from conversations where workspace_id = $1 order by started_at, id', [
      workspaceId,
    ]);
    return rows.map((r) => r.id);
  },

  async conversations(sql: Sql, workspaceId: string, ids: readonly string[]): Promise<ExportedConversationRow[]> {
    const rows = await sql.query<ExportedConversationRow>(
      `select c.id, c.customer_id as "customerId", c.channel, c.status, t.name as team,
         a.email as "assigneeEmail", a.display_name as "assigneeName",
         c.started_at as "startedAt", c.human_connected_at as "humanConnectedAt", c.first_response_at as "firstResponseAt",
         c.resolved_at as "resolvedAt",
         (select count(*)::int from entries e where e.conversation_id = c.id and e.kind = 'message') as "messageCount"
       from conversations c left join teams t on t.id = c.team_id left join agents a on a.id = c.assignee_id
       where c.workspace_id = $1 and c.id = any($2::uuid[])`,
      [workspaceId, ids],
    );
    return inOrder(ids, rows);
  },
};

/** Rows in the order of `ids`; an id whose row went away meanwhile is skipped. */
function inOrder<T extends { id: string }>(ids: readonly string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
