import type { Channel, ConversationStatus, Direction, InboxView } from '@warmline/shared';
import type { Sql } from '../db/client.ts';
import { isUuid } from './rows.ts';

export interface ConversationRecord {
  id: string;
  workspaceId: string;
  customerId: string;
  customerName: string | null;
  customerEmail: string | null;
  customerCreatedAt: Date;
  status: ConversationStatus;
  channel: Channel;
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeAvatarUrl: string | null;
  priority: number;
  lastSeq: number;
  lastMessageBody: string | null;
  lastMessageDirection: Direction | null;
  lastMessageAt: Date | null;
  promisedReplyBy: Date | null;
  customerReadSeq: number;
  agentReadSeq: number;
  startedAt: Date;
  humanConnectedAt: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  updatedAt: Date;
}

const select = `select c.id, c.workspace_id as "workspaceId", c.customer_id as "customerId",
  cu.name as "customerName", cu.email as "customerEmail", cu.created_at as "customerCreatedAt",
  c.status, c.channel, c.assignee_id as "assigneeId", a.display_name as "assigneeName", a.avatar_url as "assigneeAvatarUrl",
  c.priority, c.last_seq as "lastSeq", c.last_message_body as "lastMessageBody",
  c.last_message_direction as "lastMessageDirection", c.last_message_at as "lastMessageAt",
  c.promised_reply_by as "promisedReplyBy", c.customer_read_seq as "customerReadSeq", c.agent_read_seq as "agentReadSeq",
  c.started_at as "startedAt", c.human_connected_at as "humanConnectedAt", c.first_response_at as "firstResponseAt",
  c.resolved_at as "resolvedAt", c.updated_at as "updatedAt"
  from conversations c join customers cu on cu.id = c.customer_id left join agents a on a.id = c.assignee_id`;

export interface ListFilter {
  view: InboxView;
  status: 'open' | 'resolved';
  agentId: string;
  limit: number;
  /** Keyset cursor: the sort timestamp and id of the last row already returned. */
  after?: { at: string; id: string } | undefined;
}

/** The view decides the order: the queue is oldest first, everything else most recent first. */
function listQuery(f: ListFilter): { where: string[]; order: string; sortColumn: string; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length + 1}`;
  };
  if (f.view === 'waiting') where.push(`c.status = 'waiting'`);
  else if (f.status === 'resolved') where.push(`c.status = 'resolved'`);
  else where.push(`c.status <> 'resolved'`);
  if (f.view === 'mine') where.push(`c.assignee_id = ${p(f.agentId)}`);
  const ascending = f.view === 'waiting';
  const sortColumn = ascending ? 'c.started_at' : 'c.updated_at';
  if (f.after) {
    where.push(`(${sortColumn}, c.id) ${ascending ? '>' : '<'} (${p(f.after.at)}::timestamptz, ${p(f.after.id)}::uuid)`);
  }
  const dir = ascending ? 'asc' : 'desc';
  return { where, order: `${sortColumn} ${dir}, c.id ${dir}`, sortColumn, params };
}

export const conversations = {
  async byId(sql: Sql, workspaceId: string, id: string): Promise<ConversationRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<ConversationRecord>(`${select} where c.workspace_id = $1 and c.id = $2`, [workspaceId, id]);
    return row ?? null;
  },
  /** Locks the conversation row: appends to one conversation are serialised, so `seq` has no gaps or repeats. */
  async lock(sql: Sql, workspaceId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows = await sql.query('select 1 from conversations where workspace_id = $1 and id = $2 for update', [workspaceId, id]);
    return rows.length > 0;
  },
  async latestForCustomer(sql: Sql, workspaceId: string, customerId: string): Promise<ConversationRecord | null> {
    const [row] = await sql.query<ConversationRecord>(
      `${select} where c.workspace_id = $1 and c.customer_id = $2 order by c.updated_at desc, c.id desc limit 1`,
      [workspaceId, customerId],
    );
    return row ?? null;
  },
  async create(
    sql: Sql,
    workspaceId: string,
    input: { customerId: string; channel: Channel; assigneeId: string | null },
  ): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `insert into conversations (workspace_id, customer_id, channel, assignee_id) values ($1, $2, $3, $4) returning id`,
      [workspaceId, input.customerId, input.channel, input.assigneeId],
    );
    return row!.id;
  },
  async list(sql: Sql, workspaceId: string, filter: ListFilter): Promise<ConversationRecord[]> {
    const q = listQuery(filter);
    return sql.query<ConversationRecord>(
      `${select} where c.workspace_id = $1 and ${q.where.join(' and ')} order by ${q.order} limit ${Math.trunc(filter.limit)}`,
      [workspaceId, ...q.params],
    );
  },
  async counts(sql: Sql, workspaceId: string, agentId: string): Promise<{ waiting: number; mine: number; all: number }> {
    const [row] = await sql.query<{ waiting: number; mine: number; all: number }>(
      `select count(*) filter (where status = 'waiting')::int as waiting,
              count(*) filter (where assignee_id = $2)::int as mine,
              count(*)::int as "all"
       from conversations where workspace_id = $1 and status <> 'resolved'`,
      [workspaceId, agentId],
    );
    return row!;
  },
  /** Waiting conversations nobody owns yet, oldest first. */
  async unassignedWaiting(sql: Sql, workspaceId: string, limit: number): Promise<string[]> {
    const rows = await sql.query<{ id: string }>(
      `select id from conversations where workspace_id = $1 and status = 'waiting' and assignee_id is null
       order by priority desc, started_at, id limit $2 for update skip locked`,
      [workspaceId, limit],
    );
    return rows.map((r) => r.id);
  },
  async queueAhead(sql: Sql, workspaceId: string, startedAt: Date | null): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `select count(*)::int as n from conversations
       where workspace_id = $1 and status = 'waiting' and assignee_id is null and ($2::timestamptz is null or started_at < $2)`,
      [workspaceId, startedAt],
    );
    return row!.n;
  },
  async update(
    sql: Sql,
    workspaceId: string,
    id: string,
    patch: Partial<{
      status: ConversationStatus;
      assigneeId: string | null;
      promisedReplyBy: Date | null;
      resolvedAt: Date | null;
      /** Sets human_connected_at and first_response_at to now, if not set before. */
      humanReplied: true;
    }>,
  ): Promise<void> {
    const sets: string[] = ['updated_at = now()'];
    const params: unknown[] = [workspaceId, id];
    const column: Record<string, string> = {
      status: 'status',
      assigneeId: 'assignee_id',
      promisedReplyBy: 'promised_reply_by',
      resolvedAt: 'resolved_at',
    };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (key === 'humanReplied') {
        sets.push(
          'human_connected_at = coalesce(human_connected_at, now())',
          'first_response_at = coalesce(first_response_at, now())',
        );
        continue;
      }
      params.push(value);
      sets.push(`${column[key]} = $${params.length}`);
    }
    await sql.query(`update conversations set ${sets.join(', ')} where workspace_id = $1 and id = $2`, params);
  },
  async markRead(sql: Sql, workspaceId: string, id: string, by: 'customer' | 'agent', seq: number): Promise<void> {
    const col = by === 'customer' ? 'customer_read_seq' : 'agent_read_seq';
    await sql.query(
      `update conversations set ${col} = greatest(${col}, least($3::bigint, last_seq)) where workspace_id = $1 and id = $2`,
      [workspaceId, id, seq],
    );
  },
};

/** Just what the message path needs to decide whether an append changes the conversation's state. */
export interface ConversationState {
  id: string;
  workspaceId: string;
  customerId: string;
  status: ConversationStatus;
  channel: Channel;
  assigneeId: string | null;
  humanConnectedAt: Date | null;
}

const stateColumns = `c.id, c.workspace_id as "workspaceId", c.customer_id as "customerId", c.status, c.channel,
  c.assignee_id as "assigneeId", c.human_connected_at as "humanConnectedAt"`;

/** Batched reads and writes for the group-committed message path; every key carries its workspace. */
export const conversationBatches = {
  async states(
    sql: Sql,
    keys: Array<{ workspaceId: string; id: string }>,
    opts: { lock?: boolean } = {},
  ): Promise<ConversationState[]> {
    const valid = keys.filter((k) => isUuid(k.id));
    if (!valid.length) return [];
    return sql.query<ConversationState>(
      `select ${stateColumns} from conversations c
       join unnest($1::uuid[], $2::uuid[]) as k(workspace_id, id) on c.workspace_id = k.workspace_id and c.id = k.id
       order by c.id ${opts.lock ? 'for update of c' : ''}`,
      [valid.map((k) => k.workspaceId), valid.map((k) => k.id)],
    );
  },
  /** Each customer's most recent conversation. */
  async latestStates(sql: Sql, keys: Array<{ workspaceId: string; customerId: string }>): Promise<ConversationState[]> {
    if (!keys.length) return [];
    return sql.query<ConversationState>(
      `select distinct on (c.customer_id) ${stateColumns} from conversations c
       join unnest($1::uuid[], $2::uuid[]) as k(workspace_id, customer_id) on c.workspace_id = k.workspace_id and c.customer_id = k.customer_id
       order by c.customer_id, c.updated_at desc, c.id desc`,
      [keys.map((k) => k.workspaceId), keys.map((k) => k.customerId)],
    );
  },
  /** Reserves `n` seqs per conversation (rows must be locked by the caller); returns the new last seq. */
  async reserveSeqs(
    sql: Sql,
    rows: Array<{ workspaceId: string; id: string; n: number; lastBody: string | null; lastDirection: Direction | null }>,
  ): Promise<Map<string, number>> {
    const result = await sql.query<{ id: string; lastSeq: number }>(
      `update conversations c set last_seq = c.last_seq + v.n, updated_at = now(),
         last_message_body = coalesce(left(v.body, 280), c.last_message_body),
         last_message_direction = coalesce(v.dir, c.last_message_direction),
         last_message_at = case when v.body is null then c.last_message_at else now() end
       from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[]) as v(workspace_id, id, n, body, dir)
       where c.workspace_id = v.workspace_id and c.id = v.id
       returning c.id, c.last_seq as "lastSeq"`,
      [
        rows.map((r) => r.workspaceId),
        rows.map((r) => r.id),
        rows.map((r) => r.n),
        rows.map((r) => r.lastBody),
        rows.map((r) => r.lastDirection),
      ],
    );
    return new Map(result.map((r) => [r.id, r.lastSeq]));
  },
  async records(sql: Sql, keys: Array<{ workspaceId: string; id: string }>): Promise<ConversationRecord[]> {
    if (!keys.length) return [];
    return sql.query<ConversationRecord>(
      `${select} join unnest($1::uuid[], $2::uuid[]) as k(workspace_id, id) on c.workspace_id = k.workspace_id and c.id = k.id`,
      [keys.map((k) => k.workspaceId), keys.map((k) => k.id)],
    );
  },
};
