import type { AgentRole, Channel, ConversationStatus, Direction, Emotion, InboxView } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import { isUuid } from '../../../core/db/rows.ts';
import { conversationVisibleSql } from '../../teams/index.ts';
import { PRIORITY_WEIGHTS } from '../priority.ts';
import { inLineSql, waitingSql } from './waiting.ts';

/** The queue's priority in SQL, from the same weights as the domain's effectivePriority. */
const effectivePrioritySql = `(priority + case when upset then ${PRIORITY_WEIGHTS.upset} else 0 end
  + case when service_failure then ${PRIORITY_WEIGHTS.serviceFailure} else 0 end
  + case when escalated_at is not null then ${PRIORITY_WEIGHTS.escalated} else 0 end)`;

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
  promiseKeptAt: Date | null;
  promiseMissedAt: Date | null;
  /** Where replies go by email: the address a customer left with a message, until they write in chat again. */
  replyEmail: string | null;
  customerReadSeq: number;
  agentReadSeq: number;
  startedAt: Date;
  humanConnectedAt: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  updatedAt: Date;
  teamId: string | null;
  teamName: string | null;
  language: string | null;
  skills: string[];
  tags: string[];
  upset: boolean;
  /** The emotion of the customer's latest message. */
  mood: Emotion | null;
  serviceFailure: boolean;
  escalatedAt: Date | null;
  queueSince: Date;
  transfers: number;
  pendingTransfer: StoredTransfer | null;
  preferredAgentId: string | null;
  preferredReason: 'last_agent' | 'account_owner' | null;
  preferredUntil: Date | null;
  /** When the preferred person last helped this customer. */
  preferredSince: Date | null;
}

/** What routing reads of a waiting conversation. */
export type QueueRow = Pick<
  ConversationRecord,
  | 'id'
  | 'workspaceId'
  | 'customerId'
  | 'channel'
  | 'teamId'
  | 'priority'
  | 'upset'
  | 'serviceFailure'
  | 'escalatedAt'
  | 'language'
  | 'skills'
  | 'queueSince'
  | 'preferredAgentId'
  | 'preferredReason'
  | 'preferredUntil'
>;

/** A warm transfer waiting to be accepted, as stored on the conversation. */
export interface StoredTransfer {
  fromAgentId: string;
  toAgentId: string | null;
  toTeamId: string | null;
  note: string;
  reason: string | null;
  at: string;
}

export const select = `select c.id, c.workspace_id as "workspaceId", c.customer_id as "customerId",
  cu.name as "customerName", cu.email as "customerEmail", cu.created_at as "customerCreatedAt",
  c.status, c.channel, c.assignee_id as "assigneeId", a.display_name as "assigneeName", a.avatar_url as "assigneeAvatarUrl",
  c.priority, c.last_seq as "lastSeq", c.last_message_body as "lastMessageBody",
  c.last_message_direction as "lastMessageDirection", c.last_message_at as "lastMessageAt",
  c.promised_reply_by as "promisedReplyBy", c.promise_kept_at as "promiseKeptAt", c.promise_missed_at as "promiseMissedAt",
  c.reply_email as "replyEmail", c.customer_read_seq as "customerReadSeq", c.agent_read_seq as "agentReadSeq",
  c.started_at as "startedAt", c.human_connected_at as "humanConnectedAt", c.first_response_at as "firstResponseAt",
  c.resolved_at as "resolvedAt", c.updated_at as "updatedAt",
  c.team_id as "teamId", t.name as "teamName", c.language, c.skills, c.tags, c.upset, c.mood, c.service_failure as "serviceFailure",
  c.escalated_at as "escalatedAt", c.queue_since as "queueSince", c.transfers, c.pending_transfer as "pendingTransfer",
  c.preferred_agent_id as "preferredAgentId", c.preferred_reason as "preferredReason", c.preferred_until as "preferredUntil", c.preferred_since as "preferredSince"
  from conversations c join customers cu on cu.id = c.customer_id left join agents a on a.id = c.assignee_id
  left join teams t on t.id = c.team_id`;

export interface ListFilter {
  view: InboxView;
  status: 'open' | 'resolved';
  agentId: string;
  /** Agents see only what their teams allow (visibility.ts); supervisors and admins see everything. */
  role: AgentRole;
  limit: number;
  /** Only conversations carrying this (normalised) tag. */
  tag?: string | undefined;
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
  if (f.view === 'waiting') where.push(waitingSql('c'));
  else if (f.status === 'resolved') where.push(`c.status = 'resolved'`);
  else where.push(`c.status <> 'resolved'`);
  if (f.view === 'mine') where.push(`c.assignee_id = ${p(f.agentId)}`);
  if (f.tag) where.push(`c.tags @> array[${p(f.tag)}::text]`);
  if (f.role === 'agent') where.push(conversationVisibleSql('c', `${p(f.agentId)}::uuid`, p(f.role)));
  const ascending = f.view === 'waiting';
  const sortColumn = ascending ? 'c.started_at' : 'c.updated_at';
  if (f.after) {
    where.push(`(${sortColumn}, c.id) ${ascending ? '>' : '<'} (${p(f.after.at)}::timestamptz, ${p(f.after.id)}::uuid)`);
  }
  const dir = ascending ? 'asc' : 'desc';
  return { where, order: `${sortColumn} ${dir}, c.id ${dir}`, sortColumn, params };
}

const queueColumns = `c.id, c.workspace_id as "workspaceId", c.customer_id as "customerId", c.channel, c.team_id as "teamId",
  c.priority, c.upset, c.service_failure as "serviceFailure", c.escalated_at as "escalatedAt", c.language, c.skills,
  c.queue_since as "queueSince", c.preferred_agent_id as "preferredAgentId", c.preferred_reason as "preferredReason",
  c.preferred_until as "preferredUntil"`;

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
  /** The customer's chat in the widget: their latest chat conversation (other channels have their own threads). */
  async latestForCustomer(sql: Sql, workspaceId: string, customerId: string): Promise<ConversationRecord | null> {
    const [row] = await sql.query<ConversationRecord>(
      `${select} where c.workspace_id = $1 and c.customer_id = $2 and c.channel = 'chat' order by c.updated_at desc, c.id desc limit 1`,
      [workspaceId, customerId],
    );
    return row ?? null;
  },
  /** The customer's most recent conversation on any channel apart from `exceptId`: the story before this one. */
  async latestBefore(sql: Sql, workspaceId: string, customerId: string, exceptId: string): Promise<ConversationRecord | null> {
    const [row] = await sql.query<ConversationRecord>(
      `${select} where c.workspace_id = $1 and c.customer_id = $2 and c.id <> $3 order by c.updated_at desc, c.id desc limit 1`,
      [workspaceId, customerId, exceptId],
    );
    return row ?? null;
  },
  async create(
    sql: Sql,
    workspaceId: string,
    input: { customerId: string; channel: Channel; assigneeId: string | null; status?: 'waiting' | 'active' },
  ): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `insert into conversations (workspace_id, customer_id, channel, assignee_id, status)
       values ($1, $2, $3, $4, $5) returning id`,
      [workspaceId, input.customerId, input.channel, input.assigneeId, input.status ?? 'waiting'],
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
  /** The inbox's counts, of the conversations this viewer can list (visibility.ts). */
  async counts(
    sql: Sql,
    workspaceId: string,
    viewer: { agentId: string; role: AgentRole },
  ): Promise<{ waiting: number; mine: number; all: number }> {
    const [row] = await sql.query<{ waiting: number; mine: number; all: number }>(
      `select count(*) filter (where ${waitingSql('c')})::int as waiting,
              count(*) filter (where c.assignee_id = $2)::int as mine,
              count(*)::int as "all"
       from conversations c where c.workspace_id = $1 and c.status <> 'resolved'
         and ${conversationVisibleSql('c', '$2::uuid', '$3::text')}`,
      [workspaceId, viewer.agentId, viewer.role],
    );
    return row!;
  },
  /**
   * The queue as routing sees it: waiting, unowned conversations (first `limit` by priority then age), with just
   * the fields the policy reads. Read without locks: a decision then claims its pick with `claimWaiting`.
   */
  async queue(sql: Sql, workspaceId: string, opts: { limit: number }): Promise<QueueRow[]> {
    return sql.query<QueueRow>(
      `select ${queueColumns} from conversations c where c.workspace_id = $1 and ${inLineSql('c')}
       order by ${effectivePrioritySql} desc, queue_since, id
       limit $2`,
      [workspaceId, opts.limit],
    );
  },
  /**
   * Everyone waiting for a person (waiting.ts): those in line, then those already routed to someone who has not
   * answered yet, each longest-waiting first. The supervisor's live queue shows exactly these.
   */
  async waitingForPerson(
    sql: Sql,
    workspaceId: string,
    opts: { limit: number },
  ): Promise<Array<QueueRow & { assigneeId: string | null }>> {
    return sql.query<QueueRow & { assigneeId: string | null }>(
      `select ${queueColumns}, c.assignee_id as "assigneeId" from conversations c
       where c.workspace_id = $1 and ${waitingSql('c')}
       order by c.assignee_id is null desc, ${effectivePrioritySql} desc, queue_since, id
       limit $2`,
      [workspaceId, opts.limit],
    );
  },
  /**
   * Assigns a conversation only if it is still waiting and unowned, in one statement: a concurrent decision
   * that got there first makes this return false (PostgreSQL re-checks the condition after the row lock).
   */
  async assignIfWaiting(sql: Sql, workspaceId: string, id: string, agentId: string): Promise<boolean> {
    const rows = await sql.query(
      `update conversations set assignee_id = $3, updated_at = now()
       where workspace_id = $1 and id = $2 and ${inLineSql('conversations')} returning id`,
      [workspaceId, id, agentId],
    );
    return rows.length > 0;
  },
  /**
   * What a person leaving leaves behind, locked: the open conversations they hold, and those whose transfer
   * waits for them to accept it.
   */
  /** A customer's conversations still in agents' inboxes (not resolved), newest first, at most `limit`. */
  async openOf(sql: Sql, workspaceId: string, customerId: string, limit: number): Promise<ConversationRecord[]> {
    return sql.query<ConversationRecord>(
      `${select} where c.workspace_id = $1 and c.customer_id = $2 and c.status <> 'resolved'
       order by c.updated_at desc, c.id desc limit $3`,
      [workspaceId, customerId, limit],
    );
  },
  async leftBy(sql: Sql, workspaceId: string, agentId: string): Promise<ConversationRecord[]> {
    return sql.query<ConversationRecord>(
      `${select} where c.workspace_id = $1 and c.status <> 'resolved'
         and (c.assignee_id = $2 or c.pending_transfer->>'toAgentId' = $2::text)
       order by c.id for update of c`,
      [workspaceId, agentId],
    );
  },
  /** Waiting, unowned conversations that the queue serves before one that joined at `queueSince` with this priority. */
  async queueAhead(sql: Sql, workspaceId: string, at: { queueSince: Date; effectivePriority: number } | null): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `select count(*)::int as n from conversations c
       where c.workspace_id = $1 and ${inLineSql('c')}
         and ($2::timestamptz is null or (${effectivePrioritySql}, -extract(epoch from queue_since)) > ($3::int, -extract(epoch from $2::timestamptz)))`,
      [workspaceId, at?.queueSince ?? null, at?.effectivePriority ?? 0],
    );
    return row!.n;
  },
  /** The person who last helped this customer, and when, for continuity. */
  async lastHelper(sql: Sql, workspaceId: string, customerId: string) {
    const [row] = await sql.query<{ agentId: string; at: Date }>(
      `select assignee_id as "agentId", coalesce(resolved_at, updated_at) as at from conversations
       where workspace_id = $1 and customer_id = $2 and assignee_id is not null and human_connected_at is not null
       order by updated_at desc limit 1`,
      [workspaceId, customerId],
    );
    return row ?? null;
  },
  /** Seconds from first contact to the first human (and on which channel), for conversations whose human arrived since `since`, shortest first. */
  async timesToHuman(sql: Sql, workspaceId: string, since: Date): Promise<Array<{ seconds: number; channel: Channel }>> {
    const rows = await sql.query<{ s: number; channel: Channel }>(
      `select extract(epoch from human_connected_at - started_at)::float8 as s, channel from conversations
       where workspace_id = $1 and human_connected_at >= $2 order by 1`,
      [workspaceId, since],
    );
    return rows.map((r) => ({ seconds: Number(r.s), channel: r.channel }));
  },
  /** Recent handle times (assignment to resolution is approximated by first human reply to resolution), newest last. */
  async recentHandleSeconds(sql: Sql, workspaceId: string, limit: number): Promise<number[]> {
    const rows = await sql.query<{ s: number }>(
      `select s from (select extract(epoch from resolved_at - coalesce(human_connected_at, started_at))::float8 as s, resolved_at
         from conversations where workspace_id = $1 and resolved_at is not null order by resolved_at desc limit $2) x order by resolved_at`,
      [workspaceId, limit],
    );
    return rows.map((r) => Number(r.s)).filter((s) => s > 0);
  },
  async update(
    sql: Sql,
    workspaceId: string,
    id: string,
    patch: Partial<{
      status: ConversationStatus;
      assigneeId: string | null;
      promisedReplyBy: Date | null;
      promiseKeptAt: Date | null;
      promiseMissedAt: Date | null;
      replyEmail: string | null;
      resolvedAt: Date | null;
      /** Sets human_connected_at and first_response_at to now, if not set before. */
      humanReplied: true;
      priority: number;
      upset: boolean;
      mood: Emotion | null;
      serviceFailure: boolean;
      teamId: string | null;
      language: string | null;
      skills: string[];
      escalatedAt: Date | null;
      queueSince: Date;
      transfers: number;
      pendingTransfer: StoredTransfer | null;
      preferred: { agentId: string; reason: 'last_agent' | 'account_owner'; until: Date; since: Date | null } | null;
    }>,
  ): Promise<void> {
    const sets: string[] = ['updated_at = now()'];
    const params: unknown[] = [workspaceId, id];
    const column: Record<string, string> = {
      status: 'status',
      assigneeId: 'assignee_id',
      promisedReplyBy: 'promised_reply_by',
      promiseKeptAt: 'promise_kept_at',
      promiseMissedAt: 'promise_missed_at',
      replyEmail: 'reply_email',
      resolvedAt: 'resolved_at',
      priority: 'priority',
      upset: 'upset',
      mood: 'mood',
      serviceFailure: 'service_failure',
      teamId: 'team_id',
      language: 'language',
      skills: 'skills',
      escalatedAt: 'escalated_at',
      queueSince: 'queue_since',
      transfers: 'transfers',
    };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (key === 'pendingTransfer') {
        params.push(value === null ? null : JSON.stringify(value));
        sets.push(`pending_transfer = $${params.length}::jsonb`);
        continue;
      }
      if (key === 'preferred') {
        const preferred = value as { agentId: string; reason: string; until: Date; since: Date | null } | null;
        params.push(preferred?.agentId ?? null, preferred?.reason ?? null, preferred?.until ?? null, preferred?.since ?? null);
        const n = params.length;
        sets.push(
          `preferred_agent_id = $${n - 3}`,
          `preferred_reason = $${n - 2}`,
          `preferred_until = $${n - 1}`,
          `preferred_since = $${n}`,
        );
        continue;
      }
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
