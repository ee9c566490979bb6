import type { Sql } from '../db/client.ts';
import { isUuid } from './rows.ts';

export interface WorkspaceRecord {
  id: string;
  name: string;
  key: string;
  greeting: string;
  allowedOrigins: string[];
  replyPromiseMinutes: number;
}

const columns = `id, name, key, greeting, allowed_origins as "allowedOrigins", reply_promise_minutes as "replyPromiseMinutes"`;

export const workspaces = {
  async create(sql: Sql, input: { name: string; key: string }): Promise<WorkspaceRecord> {
    const [row] = await sql.query<WorkspaceRecord>(`insert into workspaces (name, key) values ($1, $2) returning ${columns}`, [
      input.name,
      input.key,
    ]);
    return row!;
  },
  async byId(sql: Sql, id: string): Promise<WorkspaceRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<WorkspaceRecord>(`select ${columns} from workspaces where id = $1`, [id]);
    return row ?? null;
  },
  async byKey(sql: Sql, key: string): Promise<WorkspaceRecord | null> {
    const [row] = await sql.query<WorkspaceRecord>(`select ${columns} from workspaces where key = $1`, [key]);
    return row ?? null;
  },
  async first(sql: Sql): Promise<WorkspaceRecord | null> {
    const [row] = await sql.query<WorkspaceRecord>(`select ${columns} from workspaces order by created_at limit 1`);
    return row ?? null;
  },
  async setAllowedOrigins(sql: Sql, id: string, origins: string[]): Promise<void> {
    await sql.query('update workspaces set allowed_origins = $2 where id = $1', [id, origins]);
  },
};

export const instance = {
  /** The instance-wide secret that signs visitor tokens, made once on first start. */
  async secretKey(sql: Sql, generate: () => string): Promise<string> {
    await sql.query('insert into instance (id, secret_key) values (1, $1) on conflict (id) do nothing', [generate()]);
    const [row] = await sql.query<{ secret_key: string }>('select secret_key from instance where id = 1');
    return row!.secret_key;
  },
};
