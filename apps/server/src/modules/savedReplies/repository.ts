import type { AgentRole } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/rows.ts';

export interface SavedReplyRecord {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  teamId: string | null;
  teamName: string | null;
  uses: number;
  lastUsedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SavedReplyFields {
  shortcut: string;
  title: string;
  body: string;
  teamId: string | null;
}

const select = `select r.id, r.shortcut, r.title, r.body, r.team_id as "teamId", t.name as "teamName", r.uses,
  r.last_used_at as "lastUsedAt", r.created_at as "createdAt", r.updated_at as "updatedAt"
  from saved_replies r left join teams t on t.id = r.team_id`;

/** A reply limited to a team is for its members; supervisors and admins see every reply (they keep them). */
const visibleTo = (agent: string, role: string) =>
  `(r.team_id is null or ${role} in ('supervisor', 'admin')
    or exists (select 1 from team_members tm where tm.team_id = r.team_id and tm.agent_id = ${agent}))`;

/** PostgreSQL's unique violation: another reply took the shortcut between our check and our write. */
export function isShortcutTaken(error: unknown): boolean {
  return (error as { code?: string })?.code === '23505';
}

export const savedReplies = {
  /** The replies this viewer may use, by shortcut. */
  async visible(sql: Sql, workspaceId: string, viewer: { agentId: string; role: AgentRole }): Promise<SavedReplyRecord[]> {
    return sql.query<SavedReplyRecord>(
      `${select} where r.workspace_id = $1 and ${visibleTo('$2::uuid', '$3::text')} order by r.shortcut`,
      [workspaceId, viewer.agentId, viewer.role],
    );
  },
  async byIdFor(
    sql: Sql,
    workspaceId: string,
    id: string,
    viewer: { agentId: string; role: AgentRole },
  ): Promise<SavedReplyRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<SavedReplyRecord>(
      `${select} where r.workspace_id = $1 and r.id = $4 and ${visibleTo('$2::uuid', '$3::text')}`,
      [workspaceId, viewer.agentId, viewer.role, id],
    );
    return row ?? null;
  },
  async byShortcut(sql: Sql, workspaceId: string, shortcut: string): Promise<SavedReplyRecord | null> {
    const [row] = await sql.query<SavedReplyRecord>(`${select} where r.workspace_id = $1 and r.shortcut = $2`, [
      workspaceId,
      shortcut,
    ]);
    return row ?? null;
  },
  /** Creates it, or returns null when the shortcut is already taken in the workspace. */
  async create(
    sql: Sql,
    workspaceId: string,
    fields: SavedReplyFields,
    by: { agentId: string; at: Date },
  ): Promise<string | null> {
    const [row] = await sql.query<{ id: string }>(
      `insert into saved_replies (workspace_id, shortcut, title, body, team_id, created_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $7) on conflict (workspace_id, shortcut) do nothing returning id`,
      [workspaceId, fields.shortcut, fields.title, fields.body, fields.teamId, by.agentId, by.at],
    );
    return row?.id ?? null;
  },
  async update(sql: Sql, workspaceId: string, id: string, fields: SavedReplyFields, at: Date): Promise<void> {
    await sql.query(
      `update saved_replies set shortcut = $3, title = $4, body = $5, team_id = $6, updated_at = $7
       where workspace_id = $1 and id = $2`,
      [workspaceId, id, fields.shortcut, fields.title, fields.body, fields.teamId, at],
    );
  },
  async remove(sql: Sql, workspaceId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows = await sql.query('delete from saved_replies where workspace_id = $1 and id = $2 returning id', [workspaceId, id]);
    return rows.length > 0;
  },
  async countUse(sql: Sql, workspaceId: string, id: string, at: Date): Promise<void> {
    await sql.query('update saved_replies set uses = uses + 1, last_used_at = $3 where workspace_id = $1 and id = $2', [
      workspaceId,
      id,
      at,
    ]);
  },
};
