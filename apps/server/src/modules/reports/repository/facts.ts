import type { ReportFigure } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import { RECOVERED_SQL } from '../../empathy/index.ts';
import { conversationVisibleSql } from '../../teams/index.ts';
import { type EffortRow, effortOf } from '../effort.ts';

/** Which conversations a report reads: a period of calendar dates in a time zone, filters, and who is looking. */
export interface FactScope {
  workspaceId: string;
  /** First and last calendar date, both included, read in `tz`. */
  from: string;
  to: string;
  tz: string;
  teamId: string | null;
  channel: string | null;
  viewer: { agentId: string; role: string };
  /** The report's now: a callback whose window has not ended yet is not decided. */
  now: Date;
}

/**
 * One conversation's facts for a figure (for the channel matrix: one customer on one service channel). `v1`…`v3`
 * mean what the figure says (see FIGURE_FACTS); `waits` are the effort figure's waits, ms.
 */
export interface Fact {
  id: string;
  day: string;
  startedAt: string;
  channel: string;
  teamId: string | null;
  agentId: string | null;
  v1: number | null;
  v2: number | null;
  v3: number | null;
  waits: number[] | null;
  /** Channel matrix: the customer's purchase channel and the service channel they used. */
  purchase: string | null;
  service: string | null;
}

const MS = (interval: string) => `round(extract(epoch from ${interval}) * 1000)::float8`;
const UPSET = `('angry', 'frustrated', 'anxious', 'sad')`;

/**
 * The period's conversations visible to the viewer: started on a date from $2 to $3 in the time zone $4
 * (a conversation belongs to the day it started), of the team $5 and channel $6 when given.
 */
const PERIOD = `conv as (
  select c.id, c.customer_id, c.started_at, c.channel, c.team_id, c.assignee_id, c.status, c.human_connected_at,
    c.resolved_at, c.transfers, (c.started_at at time zone $4)::date::text as day
  from conversations c
  where c.workspace_id = $1
    and c.started_at >= ($2::date)::timestamp at time zone $4 and c.started_at < ($3::date + 1)::timestamp at time zone $4
    and ($5::uuid is null or c.team_id = $5) and ($6::text is null or c.channel = $6)
    and ${conversationVisibleSql('c', '$7::uuid', '$8::text')}
)`;

const COLUMNS = `conv.id, conv.day, conv.started_at as "startedAt", conv.channel, conv.team_id as "teamId",
  conv.assignee_id as "agentId"`;

/** The entries of the period's conversations, by kind (each a CTE over `conv`). */
const entriesOf = (name: string, where: string, columns = 'e.*') =>
  `${name} as (select ${columns} from entries e join conv on conv.id = e.conversation_id
    where e.workspace_id = $1 and ${where})`;

const CUSTOMER_SAID = `e.kind = 'message' and e.author_kind = 'customer' and e.direction = 'in'`;
const PERSON_SAID = `e.kind = 'message' and e.author_kind = 'agent' and e.direction = 'out'`;

/** Each figure's facts, selected after the period's CTE. */
const FIGURE_FACTS: Record<ReportFigure, string> = {
  // v1: ms from the start to the first moment a named person was with the customer.
  'time-to-human': `select ${COLUMNS}, ${MS('conv.human_connected_at - conv.started_at')} as v1 from conv
    where conv.human_connected_at is not null`,
  // v1: ms from the start to the first message a person wrote to the customer.
  'first-response': `, ${entriesOf('replies', PERSON_SAID, 'e.conversation_id, e.created_at')},
    first_reply as (select conversation_id, min(created_at) as at from replies group by 1)
    select ${COLUMNS}, ${MS('f.at - conv.started_at')} as v1 from conv join first_reply f on f.conversation_id = conv.id`,
  // v1: ms from the start to the (last) resolution, for conversations resolved now.
  resolution: `select ${COLUMNS}, ${MS('conv.resolved_at - conv.started_at')} as v1 from conv
    where conv.status = 'resolved' and conv.resolved_at is not null`,
  // v1: the CSAT answer (1–5).
  csat: `select ${COLUMNS}, s.csat::float8 as v1 from conv
    join survey_responses s on s.conversation_id = conv.id and s.workspace_id = $1 where s.csat is not null`,
  // v1: the CES answer (1–7).
  ces: `select ${COLUMNS}, s.ces::float8 as v1 from conv
    join survey_responses s on s.conversation_id = conv.id and s.workspace_id = $1 where s.ces is not null`,
  // v1: arrived upset (1/0), v2: left not upset (1/0), over resolved conversations with a mood read.
  'mood-turnaround': `, ${entriesOf('felt', `${CUSTOMER_SAID} and e.emotion is not null`, 'e.conversation_id, e.seq, e.emotion')},
    read as (select conversation_id, array_agg(emotion order by seq) as emotions from felt group by 1),
    moods as (select conversation_id, emotions[1] as first, emotions[cardinality(emotions)] as last from read)
    select ${COLUMNS}, (m.first in ${UPSET})::int::float8 as v1,
      (m.first in ${UPSET} and m.last not in ${UPSET})::int::float8 as v2
    from conv join moods m on m.conversation_id = conv.id where conv.status = 'resolved'`,
  // v1: transfers; v2 (repeats), v3 (channel switches) and the waits are worked out from the messages (effortOf).
  effort: `select ${COLUMNS}, conv.transfers::float8 as v1 from conv`,
  // v1: left before a person was with them (1/0); counted once decided: reached a person, or resolved without one.
  abandonment: `select ${COLUMNS}, (conv.human_connected_at is null)::int::float8 as v1 from conv
    where conv.human_connected_at is not null or conv.status = 'resolved'`,
  // v1: every decided callback promised in the conversation was kept (1/0).
  'callbacks-kept': `, promised as (select b.conversation_id, bool_and(b.status = 'done') as kept from callbacks b
      join conv on conv.id = b.conversation_id
      where b.workspace_id = $1 and b.status <> 'cancelled'
        and (b.status in ('done', 'not_reached', 'wrong_number') or b.window_end < $9::timestamptz)
      group by 1)
    select ${COLUMNS}, p.kept::int::float8 as v1 from conv join promised p on p.conversation_id = conv.id`,
  // v1: the service failure was recovered (every step of the checklist done) (1/0).
  recoveries: `, failed as (select conversation_id, ${RECOVERED_SQL} as recovered from recoveries where workspace_id = $1)
    select ${COLUMNS}, f.recovered::int::float8 as v1 from conv join failed f on f.conversation_id = conv.id`,
  // One row per customer and service channel: their first conversation there, v1 how many conversations.
  'channel-matrix': `, ${entriesOf('wrote', `${CUSTOMER_SAID} and e.channel is not null`, 'distinct e.conversation_id, e.channel')},
    used as (select conv.id, conv.channel as service from conv
      union select w.conversation_id, w.channel from wrote w),
    per_customer as (select distinct on (conv.customer_id, u.service) ${COLUMNS}, u.service,
        count(*) over (partition by conv.customer_id, u.service)::float8 as v1,
        coalesce(nullif(lower(btrim(cu.attributes->>'purchase_channel')), ''), 'unknown') as purchase
      from conv join used u on u.id = conv.id join customers cu on cu.id = conv.customer_id and cu.workspace_id = $1
      order by conv.customer_id, u.service, conv.started_at, conv.id)
    select id, day, "startedAt", channel, "teamId", "agentId", v1, service,
      case when purchase in ('store', 'web', 'phone') then purchase else 'unknown' end as purchase
    from per_customer where service in ('chat', 'email', 'phone', 'sms', 'in_person')`,
};

/** Every fact of one figure over one period, in the order the conversations started. */
export async function factsOf(sql: Sql, figure: ReportFigure, scope: FactScope): Promise<Fact[]> {
  const tail = FIGURE_FACTS[figure];
  const text = tail.startsWith(',') ? `with ${PERIOD}${tail}` : `with ${PERIOD} ${tail}`;
  const params: unknown[] = [
    scope.workspaceId,
    scope.from,
    scope.to,
    scope.tz,
    scope.teamId,
    scope.channel,
    scope.viewer.agentId,
    scope.viewer.role,
  ];
  if (figure === 'callbacks-kept') params.push(scope.now);
  const [rows, messages] = await Promise.all([
    sql.query<Omit<Fact, 'startedAt'> & { startedAt: Date | string }>(text, params),
    figure === 'effort' ? sql.query<EffortRow>(EFFORT_MESSAGES, params) : [],
  ]);
  const effort = figure === 'effort' ? effortOf(messages) : null;
  return rows.map((r) => ({
    id: r.id,
    day: r.day,
    startedAt: r.startedAt instanceof Date ? r.startedAt.toISOString() : String(r.startedAt),
    channel: r.channel,
    teamId: r.teamId ?? null,
    agentId: r.agentId ?? null,
    v1: num(r.v1),
    v2: effort ? (effort.get(r.id)?.repeats ?? 0) : num(r.v2),
    v3: effort ? (effort.get(r.id)?.switches ?? 0) : num(r.v3),
    waits: effort ? (effort.get(r.id)?.waits ?? []) : null,
    purchase: r.purchase ?? null,
    service: r.service ?? null,
  }));
}

/**
 * What effort reads of each period conversation's messages, one row per conversation: how many customer messages
 * repeated earlier words (normalised: case and spacing), the channels of the customer's messages in order, and when
 * each wait began (a customer message after a person's, or first) and ended (a person's message after the customer's).
 */
const EFFORT_MESSAGES = `with ${PERIOD},
  said as (select e.conversation_id, e.seq, e.created_at, e.channel, e.author_kind = 'customer' as asked,
      case when e.author_kind = 'customer' then btrim(lower(regexp_replace(e.body, '\\s+', ' ', 'g'))) end as words,
      lag(e.author_kind) over (partition by e.conversation_id order by e.seq) as before
    from entries e join conv on conv.id = e.conversation_id
    where e.workspace_id = $1 and e.kind = 'message'
      and ((e.author_kind = 'customer' and e.direction = 'in') or (e.author_kind = 'agent' and e.direction = 'out')))
  select conversation_id as c,
    (count(words) filter (where words <> '') - count(distinct words collate "C") filter (where words <> ''))::int as repeats,
    array_agg(channel order by seq) filter (where asked) as channels,
    array_agg(${MS("created_at - timestamptz 'epoch'")} order by seq) filter (where asked and before is distinct from 'customer') as starts,
    array_agg(${MS("created_at - timestamptz 'epoch'")} order by seq) filter (where not asked and before = 'customer') as ends
  from said group by 1`;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
