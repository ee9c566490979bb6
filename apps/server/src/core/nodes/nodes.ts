import type { Sql } from '../db/client.ts';

export type NodeRole = 'all' | 'web' | 'worker';

export interface NodeRecord {
  id: string;
  role: NodeRole;
  startedAt: Date;
  lastSeenAt: Date;
}

const columns = `id, role, started_at as "startedAt", last_seen_at as "lastSeenAt"`;

/** The nodes of this Warmline. Instance-wide, not per workspace: one node's sockets serve every workspace. */
export const nodes = {
  /**
   * Records that this node is alive at `at`. True when its row had to be written afresh after it had joined: it was
   * taken for dead meanwhile (silent past the threshold), and what its sockets carried has been let go.
   */
  async beat(sql: Sql, node: { id: string; role: NodeRole; startedAt: Date }, at: Date): Promise<{ written: boolean }> {
    // PostgreSQL leaves xmax at 0 on a row this statement inserted, not on one it updated.
    const [row] = await sql.query<{ written: boolean }>(
      `insert into nodes (id, role, started_at, last_seen_at) values ($1, $2, $3, $4)
       on conflict (id) do update set last_seen_at = excluded.last_seen_at
       returning (xmax = 0) as written`,
      [node.id, node.role, node.startedAt, at],
    );
    return row!;
  },
  /**
   * One node silent since before `before`, other than `except`, locked for the caller's transaction: of two
   * sweepers, exactly one takes it; the other skips it.
   */
  async takeSilent(sql: Sql, before: Date, except: string): Promise<NodeRecord | null> {
    const [row] = await sql.query<NodeRecord>(
      `select ${columns} from nodes where last_seen_at < $1 and id <> $2
       order by last_seen_at limit 1 for update skip locked`,
      [before, except],
    );
    return row ?? null;
  },
  async remove(sql: Sql, id: string): Promise<void> {
    await sql.query('delete from nodes where id = $1', [id]);
  },
};
