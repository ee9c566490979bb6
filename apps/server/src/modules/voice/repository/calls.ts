import type { CallDirection, CallOutcome, CallStatus } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import { isUuid } from '../../../core/db/rows.ts';

export interface CallRecord {
  id: string;
  workspaceId: string;
  conversationId: string;
  customerId: string;
  direction: CallDirection;
  /** The callback an outbound call rings the customer for. */
  callbackId: string | null;
  status: CallStatus;
  outcome: CallOutcome | null;
  ringingAgentId: string | null;
  triedAgentIds: string[];
  answeredBy: string | null;
  /** Null while an outbound call rings: it goes to whichever of the customer's tabs answers. */
  customerSocket: string | null;
  agentSocket: string | null;
  onHold: boolean;
  transferTo: string | null;
  transferNote: string | null;
  /** The colleague's socket while the two agents talk first (the consult leg); the other end is `agentSocket`. */
  consultSocket: string | null;
  consultStartedAt: Date | null;
  placedAt: Date;
  rangAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  wrapUp: string | null;
}

const columns = `id, workspace_id as "workspaceId", conversation_id as "conversationId", customer_id as "customerId",
  direction, callback_id as "callbackId", status, outcome, ringing_agent_id as "ringingAgentId", tried_agent_ids::text[] as "triedAgentIds",
  answered_by as "answeredBy", customer_socket as "customerSocket", agent_socket as "agentSocket",
  on_hold as "onHold", transfer_to as "transferTo", transfer_note as "transferNote",
  consult_socket as "consultSocket", consult_started_at as "consultStartedAt", placed_at as "placedAt", rang_at as "rangAt", answered_at as "answeredAt",
  ended_at as "endedAt", wrap_up as "wrapUp"`;

/** No talk between the two agents: it ends with the offer, the join and the call. */
const NO_CONSULT = 'consult_socket = null, consult_started_at = null';

export const calls = {
  async insert(
    sql: Sql,
    input: { workspaceId: string; conversationId: string; customerId: string; customerSocket: string; placedAt: Date },
  ): Promise<CallRecord> {
    const [row] = await sql.query<CallRecord>(
      `insert into calls (workspace_id, conversation_id, customer_id, customer_socket, placed_at)
       values ($1, $2, $3, $4, $5) returning ${columns}`,
      [input.workspaceId, input.conversationId, input.customerId, input.customerSocket, input.placedAt],
    );
    return row!;
  },
  /**
   * An agent rings a customer back in their browser from one socket: the call rings the customer's tabs, and the
   * agent who placed it is the person on it once one of them answers.
   */
  async insertOutbound(
    sql: Sql,
    input: {
      workspaceId: string;
      conversationId: string;
      customerId: string;
      callbackId: string;
      agentId: string;
      agentSocket: string;
      placedAt: Date;
    },
  ): Promise<CallRecord> {
    const [row] = await sql.query<CallRecord>(
      `insert into calls (workspace_id, conversation_id, customer_id, direction, callback_id, ringing_agent_id,
         tried_agent_ids, agent_socket, placed_at, rang_at)
       values ($1, $2, $3, 'outbound', $4, $5, array[$5::uuid], $6, $7, $7) returning ${columns}`,
      [
        input.workspaceId,
        input.conversationId,
        input.customerId,
        input.callbackId,
        input.agentId,
        input.agentSocket,
        input.placedAt,
      ],
    );
    return row!;
  },
  async byId(sql: Sql, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<CallRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<CallRecord>(
      `select ${columns} from calls where workspace_id = $1 and id = $2${opts.forUpdate ? ' for update' : ''}`,
      [workspaceId, id],
    );
    return row ?? null;
  },
  /** The conversation's call that is still ringing or under way, if any. */
  async liveOf(sql: Sql, workspaceId: string, conversationId: string): Promise<CallRecord | null> {
    const [row] = await sql.query<CallRecord>(
      `select ${columns} from calls where workspace_id = $1 and conversation_id = $2 and status <> 'ended'`,
      [workspaceId, conversationId],
    );
    return row ?? null;
  },
  /** Calls ringing for this person or under way with them: what their app shows after a reload. */
  async liveFor(sql: Sql, workspaceId: string, agentId: string): Promise<CallRecord[]> {
    return sql.query<CallRecord>(
      `select ${columns} from calls where workspace_id = $1 and status <> 'ended'
         and (ringing_agent_id = $2 or answered_by = $2) order by placed_at`,
      [workspaceId, agentId],
    );
  },
  /** Live calls whose signalling (or a talk about their handoff) runs through this socket: it closed. */
  async liveOnSocket(sql: Sql, workspaceId: string, socketId: string): Promise<CallRecord[]> {
    return sql.query<CallRecord>(
      `select ${columns} from calls where workspace_id = $1 and status <> 'ended'
         and (customer_socket = $2 or agent_socket = $2 or consult_socket = $2)`,
      [workspaceId, socketId],
    );
  },
  /**
   * Live calls bound to a socket of this node (`socketsOfNode`), in every workspace: the node died, and its sockets
   * served them all. The one query across workspaces, for the sweep that lets go of a dead node.
   */
  async liveOnNode(sql: Sql, socketPattern: string): Promise<CallRecord[]> {
    return sql.query<CallRecord>(
      `select ${columns} from calls where status <> 'ended'
         and (customer_socket like $1 or agent_socket like $1 or consult_socket like $1)
       order by placed_at`,
      [socketPattern],
    );
  },
  /** How many live calls each person has (ringing for them or under way): a call fills their phone capacity. */
  async liveCounts(sql: Sql, workspaceId: string): Promise<Map<string, number>> {
    const rows = await sql.query<{ agentId: string; n: number }>(
      `select coalesce(answered_by, ringing_agent_id) as "agentId", count(*)::int as n from calls
       where workspace_id = $1 and status <> 'ended' and coalesce(answered_by, ringing_agent_id) is not null
       group by 1`,
      [workspaceId],
    );
    return new Map(rows.map((r) => [r.agentId, r.n]));
  },
  async ofConversation(sql: Sql, workspaceId: string, conversationId: string, limit = 50): Promise<CallRecord[]> {
    return sql.query<CallRecord>(
      `select ${columns} from calls where workspace_id = $1 and conversation_id = $2 order by placed_at desc limit $3`,
      [workspaceId, conversationId, limit],
    );
  },
  /** Rings this person now (or nobody): they are added to those tried, so a later ring goes to someone else. */
  /** Rings this person now; null when the call no longer rings. */
  async ring(sql: Sql, workspaceId: string, id: string, agentId: string, at: Date): Promise<CallRecord | null> {
    const [row] = await sql.query<CallRecord>(
      `update calls set ringing_agent_id = $3, rang_at = $4, tried_agent_ids = array_append(tried_agent_ids, $3::uuid)
       where workspace_id = $1 and id = $2 and status = 'ringing' returning ${columns}`,
      [workspaceId, id, agentId, at],
    );
    return row ?? null;
  },
  /**
   * The answer: only a call still ringing for this person is taken, in one conditional statement, so of two
   * answers from any tabs or nodes exactly one changes the row. Null for the one that lost.
   */
  async answerIfRinging(
    sql: Sql,
    workspaceId: string,
    id: string,
    agentId: string,
    socketId: string,
    at: Date,
  ): Promise<CallRecord | null> {
    const [row] = await sql.query<CallRecord>(
      `update calls set status = 'answered', answered_by = $3, agent_socket = $4, answered_at = $5, ringing_agent_id = null
       where workspace_id = $1 and id = $2 and status = 'ringing' and ringing_agent_id = $3 returning ${columns}`,
      [workspaceId, id, agentId, socketId, at],
    );
    return row ?? null;
  },
  /**
   * The customer answers us ringing them back, from one of their tabs: only a call still ringing is taken, in one
   * conditional statement, so of two tabs answering exactly one wins. Null for the one that lost.
   */
  async answerRingBack(sql: Sql, workspaceId: string, id: string, socketId: string, at: Date): Promise<CallRecord | null> {
    const [row] = await sql.query<CallRecord>(
      `update calls set status = 'answered', answered_by = ringing_agent_id, customer_socket = $3, answered_at = $4,
         ringing_agent_id = null
       where workspace_id = $1 and id = $2 and status = 'ringing' and direction = 'outbound' returning ${columns}`,
      [workspaceId, id, socketId, at],
    );
    return row ?? null;
  },
  /** Ends a live call with its outcome; null when it had ended already. */
  async endIfLive(sql: Sql, workspaceId: string, id: string, outcome: CallOutcome, at: Date): Promise<CallRecord | null> {
    const [row] = await sql.query<CallRecord>(
      `update calls set status = 'ended', outcome = $3, ended_at = $4, ringing_agent_id = null, on_hold = false,
         transfer_to = null, transfer_note = null, ${NO_CONSULT}
       where workspace_id = $1 and id = $2 and status <> 'ended' returning ${columns}`,
      [workspaceId, id, outcome, at],
    );
    return row ?? null;
  },
  /** The call's signalling for one side moves to a new socket (that side reconnected); null if the call is not under way. */
  async moveSocket(
    sql: Sql,
    workspaceId: string,
    id: string,
    side: 'customer' | 'agent',
    socketId: string,
  ): Promise<CallRecord | null> {
    const column = side === 'customer' ? 'customer_socket' : 'agent_socket';
    const [row] = await sql.query<CallRecord>(
      `update calls set ${column} = $3 where workspace_id = $1 and id = $2 and status = 'answered' returning ${columns}`,
      [workspaceId, id, socketId],
    );
    return row ?? null;
  },
  async setHold(sql: Sql, workspaceId: string, id: string, hold: boolean): Promise<CallRecord | null> {
    const [row] = await sql.query<CallRecord>(
      `update calls set on_hold = $3 where workspace_id = $1 and id = $2 and status = 'answered' returning ${columns}`,
      [workspaceId, id, hold],
    );
    return row ?? null;
  },
  /** Offers the call to a colleague with a handoff note (or withdraws the offer with null, ending any talk about it). */
  async offerTransfer(sql: Sql, workspaceId: string, id: string, to: { agentId: string; note: string } | null) {
    const [row] = await sql.query<CallRecord>(
      `update calls set transfer_to = $3, transfer_note = $4, ${NO_CONSULT}
       where workspace_id = $1 and id = $2 and status = 'answered'
       returning ${columns}`,
      [workspaceId, id, to?.agentId ?? null, to?.note ?? null],
    );
    return row ?? null;
  },
  /** The colleague joins a call offered to them: it is theirs, on their socket, off hold. Null if no longer on offer. */
  async joinIfOffered(sql: Sql, workspaceId: string, id: string, agentId: string, socketId: string): Promise<CallRecord | null> {
    const [row] = await sql.query<CallRecord>(
      `update calls set answered_by = $3, agent_socket = $4, transfer_to = null, transfer_note = null, on_hold = false,
         ${NO_CONSULT}
       where workspace_id = $1 and id = $2 and status = 'answered' and transfer_to = $3 returning ${columns}`,
      [workspaceId, id, agentId, socketId],
    );
    return row ?? null;
  },
  /**
   * The colleague offered the call opens a talk with the person on it from this socket: only while the call is on
   * offer to them and no talk is open, in one conditional statement. Null otherwise.
   */
  async openConsult(
    sql: Sql,
    workspaceId: string,
    id: string,
    agentId: string,
    socketId: string,
    at: Date,
  ): Promise<CallRecord | null> {
    const [row] = await sql.query<CallRecord>(
      `update calls set consult_socket = $4, consult_started_at = $5
       where workspace_id = $1 and id = $2 and status = 'answered' and transfer_to = $3 and consult_socket is null
       returning ${columns}`,
      [workspaceId, id, agentId, socketId, at],
    );
    return row ?? null;
  },
  /** Ends the talk about the handoff, if one is open; null when none was. */
  async closeConsult(sql: Sql, workspaceId: string, id: string): Promise<CallRecord | null> {
    const [row] = await sql.query<CallRecord>(
      `update calls set ${NO_CONSULT} where workspace_id = $1 and id = $2 and consult_socket is not null returning ${columns}`,
      [workspaceId, id],
    );
    return row ?? null;
  },
  async setWrapUp(sql: Sql, workspaceId: string, id: string, notes: string): Promise<CallRecord | null> {
    const [row] = await sql.query<CallRecord>(
      `update calls set wrap_up = $3 where workspace_id = $1 and id = $2 returning ${columns}`,
      [workspaceId, id, notes],
    );
    return row ?? null;
  },
};
