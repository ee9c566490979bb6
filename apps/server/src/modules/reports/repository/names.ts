import type { Sql } from '../../../core/db/client.ts';

/** Who and where, for the conversations a drill-down shows: the customer's, team's and person's names. */
export async function reportNames(
  sql: Sql,
  workspaceId: string,
  ids: string[],
): Promise<Map<string, { customerName: string | null; teamName: string | null; agentName: string | null }>> {
  if (!ids.length) return new Map();
  const rows = await sql.query<{ id: string; customerName: string | null; teamName: string | null; agentName: string | null }>(
    `select c.id, cu.name as "customerName", t.name as "teamName", a.display_name as "agentName"
     from conversations c
     join customers cu on cu.id = c.customer_id and cu.workspace_id = c.workspace_id
     left join teams t on t.id = c.team_id and t.workspace_id = c.workspace_id
     left join agents a on a.id = c.assignee_id and a.workspace_id = c.workspace_id
     where c.workspace_id = $1 and c.id = any($2::uuid[])`,
    [workspaceId, ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Whether the database reads this time zone name as the browser does (both use IANA names, perhaps of other years). */
export async function knowsTimeZone(sql: Sql, tz: string): Promise<boolean> {
  try {
    await sql.query('select now() at time zone $1', [tz]);
    return true;
  } catch (error) {
    // 22023: invalid_parameter_value, what PostgreSQL answers for a zone it does not know.
    if ((error as { code?: string }).code === '22023') return false;
    throw error;
  }
}
