import type { ReportFigure } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import { RECOVERED_SQL } from '../../empathy/index.ts';
import { conversationVisibleSql } from '../../teams/index.ts';

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
    moods as (select conversation_id, (array_agg(emotion order by seq))[1] as first,
      (array_agg(emotion order by seq desc))[1] as last from felt group by 1)
    select ${COLUMNS}, (m.first in ${UPSET})::int::float8 as v1,
      (m.first in ${UPSET} and m.last not in ${UPSET})::int::float8 as v2
    from conv join moods m on m.conversation_id = conv.id where conv.status = 'resolved'`,
  // v1: transfers, v2: repeats (a customer message saying again what they said before), v3: channel switches.
  effort: `, ${entriesOf(
    'said',
    `e.kind = 'message' and ((e.author_kind = 'customer' and e.direction = 'in') or (e.author_kind = 'agent' and e.direction = 'out'))`,
    `e.conversation_id, e.seq, e.created_at, e.author_kind, e.channel,
      case when e.author_kind = 'customer' then btrim(lower(regexp_replace(e.body, '\\s+', ' ', 'g'))) end as words`,
  )},
    asked as (select conversation_id, words, channel,
        lag(channel) over (partition by conversation_id order by seq) as before,
        row_number() over (partition by conversation_id, words order by seq) as nth
      from said where author_kind = 'customer'),
    asking as (select conversation_id, count(*) filter (where words <> '' and nth > 1)::int as repeats,
        count(*) filter (where before is not null and channel is distinct from before)::int as switches
      from asked group by 1),
    turns as (select conversation_id, author_kind, created_at,
        count(*) filter (where author_kind = 'agent') over (partition by conversation_id order by seq) as turn from said),
    turn_edges as (select conversation_id, turn, min(created_at) filter (where author_kind = 'customer') as asked_at,
        min(created_at) filter (where author_kind = 'agent') as answered_at from turns group by 1, 2),
    waited as (select conversation_id,
        ${MS('lead(answered_at) over (partition by conversation_id order by turn) - asked_at')} as ms from turn_edges),
    waits as (select conversation_id, array_agg(ms order by ms) as waits from waited where ms is not null group by 1)
    select ${COLUMNS}, conv.transfers::float8 as v1, coalesce(a.repeats, 0)::float8 as v2, coalesce(a.switches, 0)::float8 as v3,
      w.waits
    from conv left join asking a on a.conversation_id = conv.id left join waits w on w.conversation_id = conv.id`,
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
  const rows = await sql.query<Omit<Fact, 'startedAt'> & { startedAt: Date | string }>(text, params);
  return rows.map((r) => ({
    id: r.id,
    day: r.day,
    startedAt: r.startedAt instanceof Date ? r.startedAt.toISOString() : String(r.startedAt),
    channel: r.channel,
    teamId: r.teamId ?? null,
    agentId: r.agentId ?? null,
    v1: num(r.v1),
    v2: num(r.v2),
    v3: num(r.v3),
    waits: r.waits ? r.waits.map(Number) : null,
    purchase: r.purchase ?? null,
    service: r.service ?? null,
  }));
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
