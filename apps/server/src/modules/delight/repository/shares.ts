import type { Sql } from '../../../core/db/client.ts';
import { isUuid } from '../../../core/db/rows.ts';

export interface ShareRecord {
  id: string;
  workspaceId: string;
  /** null: the wall of all teams. */
  teamId: string | null;
  createdAt: Date;
  createdByName: string | null;
  revokedAt: Date | null;
}

const select = `select s.id, s.workspace_id as "workspaceId", s.team_id as "teamId", s.created_at as "createdAt",
  a.display_name as "createdByName", s.revoked_at as "revokedAt"
  from delight_wall_shares s left join agents a on a.id = s.created_by`;

/** Public links to walls (a team's, or with `teamId` null all teams'): one open link per wall, revocable. */
export const wallShares = {
  async openOf(sql: Sql, workspaceId: string, teamId: string | null): Promise<ShareRecord | null> {
    const [row] = await sql.query<ShareRecord>(
      `${select} where s.workspace_id = $1 and s.team_id is not distinct from $2::uuid and s.revoked_at is null`,
      [workspaceId, teamId],
    );
    return row ?? null;
  },
  /** The wall's open link, made now if it had none (two supervisors sharing at once get the same one). */
  async open(sql: Sql, workspaceId: string, teamId: string | null, by: { agentId: string; at: Date }): Promise<ShareRecord> {
    await sql.query(
      `insert into delight_wall_shares (workspace_id, team_id, created_by, created_at) values ($1, $2, $3, $4)
       on conflict do nothing`,
      [workspaceId, teamId, by.agentId, by.at],
    );
    return (await wallShares.openOf(sql, workspaceId, teamId))!;
  },
  async revoke(sql: Sql, workspaceId: string, teamId: string | null, by: { agentId: string; at: Date }): Promise<boolean> {
    const rows = await sql.query(
      `update delight_wall_shares set revoked_at = $3, revoked_by = $4
       where workspace_id = $1 and team_id is not distinct from $2::uuid and revoked_at is null returning id`,
      [workspaceId, teamId, by.at, by.agentId],
    );
    return rows.length > 0;
  },
  /** A link's share, from the signed id in it: the link itself says which workspace; null once revoked. */
  async openById(sql: Sql, id: string): Promise<ShareRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<ShareRecord>(`${select} where s.id = $1 and s.revoked_at is null`, [id]);
    return row ?? null;
  },
};
