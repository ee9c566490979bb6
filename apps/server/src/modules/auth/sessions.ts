import type { AgentRole } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';

export interface SessionRecord {
  id: string;
  workspaceId: string;
  agentId: string;
  csrfToken: string;
  expiresAt: Date;
}

export const sessions = {
  async create(
    sql: Sql,
    input: { workspaceId: string; agentId: string; tokenHash: string; csrfToken: string; expiresAt: Date },
  ): Promise<void> {
    await sql.query(
      'insert into sessions (workspace_id, agent_id, token_hash, csrf_token, expires_at) values ($1, $2, $3, $4, $5)',
      [input.workspaceId, input.agentId, input.tokenHash, input.csrfToken, input.expiresAt],
    );
  },
  async byTokenHash(sql: Sql, tokenHash: string): Promise<SessionRecord | null> {
    const [row] = await sql.query<SessionRecord>(
      `select id, workspace_id as "workspaceId", agent_id as "agentId", csrf_token as "csrfToken", expires_at as "expiresAt"
       from sessions where token_hash = $1 and expires_at > now()`,
      [tokenHash],
    );
    return row ?? null;
  },
  /** The role of the agent whose session this is, while it has not ended or expired; null once it has. */
  async standingRole(sql: Sql, workspaceId: string, id: string): Promise<AgentRole | null> {
    const [row] = await sql.query<{ role: AgentRole }>(
      `select a.role from sessions s join agents a on a.workspace_id = s.workspace_id and a.id = s.agent_id
       where s.workspace_id = $1 and s.id = $2 and s.expires_at > now()`,
      [workspaceId, id],
    );
    return row?.role ?? null;
  },
  async delete(sql: Sql, workspaceId: string, id: string): Promise<void> {
    await sql.query('delete from sessions where workspace_id = $1 and id = $2', [workspaceId, id]);
  },
  /** Ends every session of the agent but `keptId` (the one that asked). */
  async deleteOthers(sql: Sql, workspaceId: string, agentId: string, keptId: string): Promise<void> {
    await sql.query('delete from sessions where workspace_id = $1 and agent_id = $2 and id <> $3', [
      workspaceId,
      agentId,
      keptId,
    ]);
  },
};

export interface InvitationRecord {
  id: string;
  workspaceId: string;
  workspaceName: string;
  email: string | null;
  role: 'agent' | 'supervisor' | 'admin';
  expiresAt: Date;
}

export const invitations = {
  async create(
    sql: Sql,
    input: {
      workspaceId: string;
      tokenHash: string;
      email: string | null;
      role: string;
      invitedBy: string | null;
      expiresAt: Date;
    },
  ): Promise<{ id: string }> {
    const [row] = await sql.query<{ id: string }>(
      `insert into invitations (workspace_id, token_hash, email, role, invited_by, expires_at)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [input.workspaceId, input.tokenHash, input.email, input.role, input.invitedBy, input.expiresAt],
    );
    return row!;
  },
  /** An open invitation: not used, not expired. `forUpdate` locks it so it is accepted once. */
  async openByTokenHash(sql: Sql, tokenHash: string, forUpdate = false): Promise<InvitationRecord | null> {
    const [row] = await sql.query<InvitationRecord>(
      `select i.id, i.workspace_id as "workspaceId", w.name as "workspaceName", i.email, i.role, i.expires_at as "expiresAt"
       from invitations i join workspaces w on w.id = i.workspace_id
       where i.token_hash = $1 and i.accepted_at is null and i.expires_at > now() ${forUpdate ? 'for update of i' : ''}`,
      [tokenHash],
    );
    return row ?? null;
  },
  async markAccepted(sql: Sql, workspaceId: string, id: string): Promise<void> {
    await sql.query('update invitations set accepted_at = now() where workspace_id = $1 and id = $2', [workspaceId, id]);
  },
};
