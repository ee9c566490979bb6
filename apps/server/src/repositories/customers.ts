import type { Sql } from '../db/client.ts';
import { isUuid } from './rows.ts';

export interface CustomerRecord {
  id: string;
  workspaceId: string;
  name: string | null;
  email: string | null;
  ownerAgentId: string | null;
  createdAt: Date;
}

const columns = `id, workspace_id as "workspaceId", name, email, owner_agent_id as "ownerAgentId", created_at as "createdAt"`;

export const customers = {
  async create(
    sql: Sql,
    workspaceId: string,
    input: { name?: string | null; email?: string | null } = {},
  ): Promise<CustomerRecord> {
    const [row] = await sql.query<CustomerRecord>(
      `insert into customers (workspace_id, name, email) values ($1, $2, $3) returning ${columns}`,
      [workspaceId, input.name ?? null, input.email ?? null],
    );
    return row!;
  },
  async byId(sql: Sql, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<CustomerRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<CustomerRecord>(
      `select ${columns} from customers where workspace_id = $1 and id = $2 ${opts.forUpdate ? 'for update' : ''}`,
      [workspaceId, id],
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
  async addIdentity(
    sql: Sql,
    workspaceId: string,
    input: { customerId: string; kind: 'visitor' | 'email' | 'phone' | 'external'; value: string; verified: boolean },
  ): Promise<void> {
    await sql.query(
      `insert into identities (workspace_id, customer_id, kind, value, verified) values ($1, $2, $3, $4, $5)
       on conflict (workspace_id, kind, value) do nothing`,
      [workspaceId, input.customerId, input.kind, input.value, input.verified],
    );
  },
  async count(sql: Sql, workspaceId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>('select count(*)::int as n from customers where workspace_id = $1', [
      workspaceId,
    ]);
    return row!.n;
  },
};
