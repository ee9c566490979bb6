import type { Channel, ConversationStatus, Direction, Emotion } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import { isUuid } from '../../../core/db/rows.ts';
import { type ConversationRecord, select } from './conversations.ts';

/** Just what the message path needs to decide whether an append changes the conversation's state. */
export interface ConversationState {
  id: string;
  workspaceId: string;
  customerId: string;
  status: ConversationStatus;
  channel: Channel;
  assigneeId: string | null;
  humanConnectedAt: Date | null;
  /** Replies go by email (replyChannel.ts). */
  replyEmail: string | null;
  /** A promised reply time not yet kept: the reply that keeps it takes the one-at-a-time path. */
  promisePending: boolean;
}

/** A conversation locked for a batch, with what the access rule needs (access.ts): its team, and who may see it. */
export interface LockedConversation extends ConversationState {
  /** The visitor's latest chat conversation (locked for a visitor's append). */
  latest: boolean;
  teamId: string | null;
  /** The members of its team when that team is restricted; null when anyone of the workspace may see it. */
  restrictedTo: string[] | null;
}

const stateColumns = `c.id, c.workspace_id as "workspaceId", c.customer_id as "customerId", c.status, c.channel,
  c.assignee_id as "assigneeId", c.human_connected_at as "humanConnectedAt", c.reply_email as "replyEmail",
  (c.promised_reply_by is not null and c.promise_kept_at is null) as "promisePending"`;

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
  /**
   * Locks, in one statement, the conversations a batch writes to: those agents named, and each visitor's latest
   * chat conversation (`latest` marks these; none for an erased or merged-away customer, or a visitor of an earlier
   * visitor epoch, whose append then takes the one-at-a-time path that refuses it), each with its team's members if
   * that team is restricted. Rows come locked in id order, so two batches never deadlock.
   */
  async lockForBatch(
    sql: Sql,
    byId: Array<{ workspaceId: string; id: string }>,
    byCustomer: Array<{ workspaceId: string; customerId: string; visitorEpoch?: number | undefined }>,
  ): Promise<LockedConversation[]> {
    const ids = byId.filter((k) => isUuid(k.id));
    if (!ids.length && !byCustomer.length) return [];
    return sql.query<LockedConversation>(
      `with latest as (
         select l.id from unnest($3::uuid[], $4::uuid[], $5::int[]) as k(workspace_id, customer_id, epoch)
         cross join lateral (select x.id from conversations x
           where x.workspace_id = k.workspace_id and x.customer_id = k.customer_id and x.channel = 'chat'
             and exists (select 1 from customers cu where cu.id = k.customer_id and cu.erased_at is null
               and cu.merged_into is null and (k.epoch is null or cu.visitor_epoch = k.epoch))
           order by x.updated_at desc, x.id desc limit 1) l)
       select ${stateColumns}, c.id in (select id from latest) as latest, c.team_id as "teamId",
         case when t.restricted then array(select m.agent_id::text from team_members m where m.team_id = t.id) end as "restrictedTo"
       from conversations c left join teams t on t.id = c.team_id
       where c.id in (select id from latest union all
         select x.id from unnest($1::uuid[], $2::uuid[]) as k(workspace_id, id)
         join conversations x on x.workspace_id = k.workspace_id and x.id = k.id)
       order by c.id for update of c`,
      [
        ids.map((k) => k.workspaceId),
        ids.map((k) => k.id),
        byCustomer.map((k) => k.workspaceId),
        byCustomer.map((k) => k.customerId),
        byCustomer.map((k) => k.visitorEpoch ?? null),
      ],
    );
  },
  /** Reserves `n` seqs per conversation (rows must be locked by the caller); returns the new last seq. */
  async reserveSeqs(
    sql: Sql,
    rows: Array<{
      workspaceId: string;
      id: string;
      n: number;
      lastBody: string | null;
      lastDirection: Direction | null;
      upset?: boolean | null;
      mood?: Emotion | null;
    }>,
  ): Promise<Map<string, number>> {
    const result = await sql.query<{ id: string; lastSeq: number }>(
      `update conversations c set last_seq = c.last_seq + v.n, updated_at = now(),
         last_message_body = coalesce(left(v.body, 280), c.last_message_body),
         last_message_direction = coalesce(v.dir, c.last_message_direction),
         last_message_at = case when v.body is null then c.last_message_at else now() end,
         upset = coalesce(v.upset, c.upset), mood = coalesce(v.mood, c.mood)
       from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::boolean[], $7::text[])
         as v(workspace_id, id, n, body, dir, upset, mood)
       where c.workspace_id = v.workspace_id and c.id = v.id
       returning c.id, c.last_seq as "lastSeq"`,
      [
        rows.map((r) => r.workspaceId),
        rows.map((r) => r.id),
        rows.map((r) => r.n),
        rows.map((r) => r.lastBody),
        rows.map((r) => r.lastDirection),
        rows.map((r) => r.upset ?? null),
        rows.map((r) => r.mood ?? null),
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
