import type { AlertKind } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/rows.ts';

export interface AlertRecord {
  id: string;
  workspaceId: string;
  conversationId: string | null;
  kind: AlertKind;
  text: string;
  agentId: string | null;
  customerName: string | null;
  createdAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  acknowledgedByName: string | null;
  acknowledgedByAvatarUrl: string | null;
}

const columns = `al.id, al.workspace_id as "workspaceId", al.conversation_id as "conversationId", al.kind, al.text,
  al.agent_id as "agentId", cu.name as "customerName", al.created_at as "createdAt", al.acknowledged_at as "acknowledgedAt",
  al.acknowledged_by as "acknowledgedBy", ag.display_name as "acknowledgedByName", ag.avatar_url as "acknowledgedByAvatarUrl"`;
const from = `from alerts al left join conversations c on c.id = al.conversation_id left join customers cu on cu.id = c.customer_id
  left join agents ag on ag.id = al.acknowledged_by`;

/** What supervisors are told about customers' moods and promised follow-ups. */
export const alerts = {
  async raise(
    sql: Sql,
    workspaceId: string,
    input: { conversationId: string; kind: AlertKind; text: string; agentId?: string | null },
  ): Promise<AlertRecord> {
    const [row] = await sql.query<{ id: string }>(
      'insert into alerts (workspace_id, conversation_id, kind, text, agent_id) values ($1, $2, $3, $4, $5) returning id',
      [workspaceId, input.conversationId, input.kind, input.text, input.agentId ?? null],
    );
    return (await alerts.byId(sql, workspaceId, row!.id))!;
  },
  /**
   * The alert that a mailbox cannot be read, raised unless one is open for it already: null when it was (a failure
   * seen again, by this node or another, is told once).
   */
  async raiseForMailbox(sql: Sql, workspaceId: string, input: { mailbox: string; text: string }): Promise<AlertRecord | null> {
    const [row] = await sql.query<{ id: string }>(
      `insert into alerts (workspace_id, mailbox, kind, text) values ($1, $2, 'mailbox_failing', $3)
       on conflict (workspace_id, mailbox) where mailbox is not null and acknowledged_at is null do nothing returning id`,
      [workspaceId, input.mailbox, input.text],
    );
    return row ? alerts.byId(sql, workspaceId, row.id) : null;
  },
  /** The mailbox reads again: its open alert is closed (acknowledged by nobody), and returned. */
  async clearForMailbox(sql: Sql, workspaceId: string, mailbox: string): Promise<AlertRecord[]> {
    const rows = await sql.query<{ id: string }>(
      `update alerts set acknowledged_at = now() where workspace_id = $1 and mailbox = $2 and acknowledged_at is null
       returning id`,
      [workspaceId, mailbox],
    );
    const cleared = await Promise.all(rows.map((r) => alerts.byId(sql, workspaceId, r.id)));
    return cleared.filter((a): a is AlertRecord => a !== null);
  },
  async byId(sql: Sql, workspaceId: string, id: string): Promise<AlertRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<AlertRecord>(`select ${columns} ${from} where al.workspace_id = $1 and al.id = $2`, [
      workspaceId,
      id,
    ]);
    return row ?? null;
  },
  async list(sql: Sql, workspaceId: string, opts: { open: boolean; limit: number }): Promise<AlertRecord[]> {
    return sql.query<AlertRecord>(
      `select ${columns} ${from} where al.workspace_id = $1 ${opts.open ? 'and al.acknowledged_at is null' : ''}
       order by al.created_at desc, al.id limit $2`,
      [workspaceId, opts.limit],
    );
  },
  async acknowledge(sql: Sql, workspaceId: string, id: string, agentId: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows = await sql.query(
      `update alerts set acknowledged_at = coalesce(acknowledged_at, now()), acknowledged_by = coalesce(acknowledged_by, $3)
       where workspace_id = $1 and id = $2 returning id`,
      [workspaceId, id, agentId],
    );
    return rows.length > 0;
  },
};
