import type { Sql } from '../../../core/db/client.ts';

export interface CallbackRecord {
  id: string;
  workspaceId: string;
  conversationId: string;
  phone: string;
  windowStart: Date;
  windowEnd: Date;
  ownerId: string | null;
  ownerName: string | null;
  ownerAvatarUrl: string | null;
  status: 'scheduled' | 'due' | 'done' | 'cancelled' | 'not_reached' | 'wrong_number';
  tries: number;
  inBrowser: boolean;
  createdAt: Date;
}

const select = `select cb.id, cb.workspace_id as "workspaceId", cb.conversation_id as "conversationId", cb.phone,
  cb.window_start as "windowStart", cb.window_end as "windowEnd", cb.owner_id as "ownerId",
  a.display_name as "ownerName", a.avatar_url as "ownerAvatarUrl", cb.status, cb.tries, cb.in_browser as "inBrowser",
  cb.created_at as "createdAt"
  from callbacks cb left join agents a on a.id = cb.owner_id`;

export const callbacks = {
  async create(
    sql: Sql,
    workspaceId: string,
    input: {
      conversationId: string;
      phone: string;
      windowStart: Date;
      windowEnd: Date;
      ownerId: string | null;
      inBrowser?: boolean;
    },
  ): Promise<CallbackRecord> {
    const [row] = await sql.query<{ id: string }>(
      `insert into callbacks (workspace_id, conversation_id, phone, window_start, window_end, owner_id, in_browser)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        workspaceId,
        input.conversationId,
        input.phone,
        input.windowStart,
        input.windowEnd,
        input.ownerId,
        input.inBrowser ?? false,
      ],
    );
    return (await callbacks.byId(sql, workspaceId, row!.id))!;
  },
  async byId(sql: Sql, workspaceId: string, id: string): Promise<CallbackRecord | null> {
    const [row] = await sql.query<CallbackRecord>(`${select} where cb.workspace_id = $1 and cb.id = $2`, [workspaceId, id]);
    return row ?? null;
  },
  /**
   * The latest callback that is not cancelled of each of these conversations, which may belong to many workspaces:
   * one statement, however many workspaces a batch of messages spans.
   */
  async latestFor(
    sql: Sql,
    conversations: ReadonlyArray<{ workspaceId: string; id: string }>,
  ): Promise<Map<string, CallbackRecord>> {
    if (!conversations.length) return new Map();
    const rows = await sql.query<CallbackRecord>(
      `select distinct on (cb."conversationId") * from (${select}
         join unnest($1::uuid[], $2::uuid[]) as k(workspace_id, conversation_id)
           on cb.workspace_id = k.workspace_id and cb.conversation_id = k.conversation_id
         where cb.status <> 'cancelled') cb order by cb."conversationId", cb."createdAt" desc`,
      [conversations.map((c) => c.workspaceId), conversations.map((c) => c.id)],
    );
    return new Map(rows.map((r) => [r.conversationId, r]));
  },
  async setStatus(sql: Sql, workspaceId: string, id: string, status: CallbackRecord['status']): Promise<void> {
    await sql.query('update callbacks set status = $3 where workspace_id = $1 and id = $2', [workspaceId, id, status]);
  },
  /** A try nobody answered: counted, and the promise moves to the next window. */
  async moveToWindow(sql: Sql, workspaceId: string, id: string, window: { start: Date; end: Date }): Promise<void> {
    await sql.query(
      `update callbacks set tries = tries + 1, window_start = $3, window_end = $4, status = 'scheduled'
       where workspace_id = $1 and id = $2`,
      [workspaceId, id, window.start, window.end],
    );
  },
  /** The last try ends the promise: counted, with how it ended. */
  async finish(sql: Sql, workspaceId: string, id: string, status: 'done' | 'not_reached' | 'wrong_number', tried: boolean) {
    await sql.query(`update callbacks set status = $3, tries = tries + $4 where workspace_id = $1 and id = $2`, [
      workspaceId,
      id,
      status,
      tried ? 1 : 0,
    ]);
  },
  /** Promises still to keep (booked or due), soonest window first: what the supervisor's view lists. */
  async open(sql: Sql, workspaceId: string, limit: number): Promise<CallbackRecord[]> {
    return sql.query<CallbackRecord>(
      `${select} where cb.workspace_id = $1 and cb.status in ('scheduled', 'due') order by cb.window_start, cb.id limit $2`,
      [workspaceId, limit],
    );
  },
  /** Open callbacks of a conversation end when it is resolved. */
  async closeOpen(sql: Sql, workspaceId: string, conversationId: string): Promise<void> {
    await sql.query(
      `update callbacks set status = 'done' where workspace_id = $1 and conversation_id = $2 and status in ('scheduled', 'due')`,
      [workspaceId, conversationId],
    );
  },
};
