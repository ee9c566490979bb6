import type { Sql } from '../../core/db/client.ts';

/** Who did what to whom: merges, unmerges, erasures, imports. Written in the same transaction as the change. */
export const audit = {
  async record(
    sql: Sql,
    workspaceId: string,
    entry: { actorId: string | null; action: string; subjectType: string; subjectId: string; data?: Record<string, unknown> },
  ): Promise<void> {
    await sql.query(
      `insert into audit_log (workspace_id, actor_id, action, subject_type, subject_id, data) values ($1, $2, $3, $4, $5, $6)`,
      [workspaceId, entry.actorId, entry.action, entry.subjectType, entry.subjectId, JSON.stringify(entry.data ?? {})],
    );
  },
  async forSubject(
    sql: Sql,
    workspaceId: string,
    subjectId: string,
  ): Promise<{ action: string; actorId: string | null; data: Record<string, unknown>; createdAt: Date }[]> {
    return sql.query(
      `select action, actor_id as "actorId", data, created_at as "createdAt" from audit_log
       where workspace_id = $1 and subject_id = $2 order by id`,
      [workspaceId, subjectId],
    );
  },
};
