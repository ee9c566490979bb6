import type { Sql } from '../db/client.ts';

export interface JobRecord {
  id: number;
  workspaceId: string;
  kind: string;
  runAt: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

export const jobs = {
  async schedule(
    sql: Sql,
    workspaceId: string,
    input: { kind: string; runAt: Date; payload: Record<string, unknown> },
  ): Promise<void> {
    await sql.query('insert into jobs (workspace_id, kind, run_at, payload) values ($1, $2, $3, $4)', [
      workspaceId,
      input.kind,
      input.runAt,
      JSON.stringify(input.payload),
    ]);
  },
  /** Cancels the pending jobs of a kind for one conversation (their work was done another way). */
  async cancelFor(sql: Sql, workspaceId: string, kind: string, conversationId: string): Promise<void> {
    await sql.query(
      `delete from jobs where workspace_id = $1 and kind = $2 and status = 'pending' and payload->>'conversationId' = $3`,
      [workspaceId, kind, conversationId],
    );
  },
  /**
   * Takes one due job and locks it for the caller's transaction: whichever runner takes it, it runs once.
   * Jobs of every workspace are taken here; each carries its workspace id into its handler. Due by the
   * application's clock (Services.now), the same clock that scheduled them, not the database server's.
   */
  /** The next due job, of one workspace when `workspaceId` is given. */
  async takeDue(sql: Sql, now: Date, workspaceId?: string): Promise<JobRecord | null> {
    const [row] = await sql.query<JobRecord>(
      `select id::int as id, workspace_id as "workspaceId", kind, run_at as "runAt", payload, attempts from jobs
       where status = 'pending' and run_at <= $1 and ($2::uuid is null or workspace_id = $2)
       order by run_at, id limit 1 for update skip locked`,
      [now, workspaceId ?? null],
    );
    return row ?? null;
  },
  async markDone(sql: Sql, workspaceId: string, id: number): Promise<void> {
    await sql.query(
      `update jobs set status = 'done', done_at = now(), attempts = attempts + 1 where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
  },
  async markFailed(sql: Sql, workspaceId: string, id: number, error: string, retryAt: Date | null): Promise<void> {
    await sql.query(
      `update jobs set attempts = attempts + 1, last_error = $3,
         status = case when $4::timestamptz is null then 'failed' else 'pending' end, run_at = coalesce($4::timestamptz, run_at)
       where workspace_id = $1 and id = $2`,
      [workspaceId, id, error.slice(0, 2000), retryAt],
    );
  },
};
