import { randomUUID } from 'node:crypto';
import type { Db } from '../../apps/server/src/core/db/client.ts';
import { hashPassword } from '../../apps/server/src/modules/auth/auth.ts';
import { newWorkspaceKey } from '../../apps/server/src/modules/workspaces/settings.ts';
import { dropIndexes } from '../search/seed.ts';

export interface ReportsSeed {
  workspaceId: string;
  /** An agent (role 'agent') outside the restricted team: reports read through the visibility rule. */
  agentId: string;
  /** The last day of the year of history (YYYY-MM-DD, UTC). */
  lastDay: string;
  conversations: number;
  entries: number;
}

/**
 * A year of one workspace's service, built in SQL with generate_series: `conversations` spread evenly over 365 days
 * (chat, email, phone, sms, in person), about ten entries each (customer and agent messages in turn, some said twice,
 * an emotion on every customer message, some switching to email), a transfer in one in twelve, surveys answered for
 * one in four, a callback for one in thirty, a service failure for one in fifty, 20 agents in four teams of which one
 * is restricted, and customers with a purchase channel. Secondary indexes are dropped while loading and rebuilt, then
 * ANALYZE.
 */
export async function seedReports(db: Db, opts: { conversations: number; lastDay: string }): Promise<ReportsSeed> {
  await db.query('select setseed(0.17)');
  const [workspace] = await db.query<{ id: string }>('insert into workspaces (name, key) values ($1, $2) returning id', [
    'Mkate & Masa Bakery',
    newWorkspaceKey(),
  ]);
  const ws = workspace!.id;
  const hash = await hashPassword(randomUUID());
  const agents = await db.query<{ id: string }>(
    `insert into agents (workspace_id, email, display_name, role, password_hash)
     select $1, 'agent' || g || '@mkatemasa.example', 'Agent ' || g, case when g % 7 = 0 then 'supervisor' else 'agent' end, $2
     from generate_series(1, 20) g order by g returning id`,
    [ws, hash],
  );
  const agentId = agents[0]!.id;
  await db.query(
    `insert into teams (workspace_id, name, restricted) values ($1, 'Orders', false), ($1, 'Cakes', false),
     ($1, 'Wholesale', true), ($1, 'Refunds', false)`,
    [ws],
  );
  await db.query(
    `insert into team_members (workspace_id, team_id, agent_id)
     select $1, t.id, a.id from teams t, agents a where t.workspace_id = $1 and a.workspace_id = $1
       and (t.name <> 'Wholesale' or (a.id <> $2 and a.role = 'supervisor'))`,
    [ws, agentId],
  );
  const indexes = await dropIndexes(db, ['customers', 'conversations', 'entries']);
  const customers = Math.floor(opts.conversations * 0.7);
  await db.query(
    `insert into customers (workspace_id, name, attributes, created_at)
     select $1, 'Customer ' || g,
       case when g % 5 = 4 then '{}'::jsonb else jsonb_build_object('purchase_channel', (array['store', 'web', 'phone', 'Web'])[1 + g % 4]) end,
       $2::date - 400
     from generate_series(1, ${customers}) g`,
    [ws, opts.lastDay],
  );
  await db.exec(`create temp table bench_customers as
    select row_number() over (order by id)::int as n, id from customers where workspace_id = '${ws}'`);
  await db.exec('alter table bench_customers add primary key (n)');
  await db.exec(`create temp table bench_conversations as
    with t as (select array_agg(id order by name) as ids from teams where workspace_id = '${ws}'),
      a as (select array_agg(id order by email) as ids from agents where workspace_id = '${ws}')
    select g as n, gen_random_uuid() as id, c.id as customer_id,
      case when g % 10 < 8 then t.ids[1 + g % 4] end as team_id,
      case when g % 40 <> 0 then a.ids[1 + (g * 13) % 20] end as assignee_id,
      (array['chat', 'chat', 'chat', 'email', 'email', 'phone', 'sms', 'in_person'])[1 + g % 8] as channel,
      ('${opts.lastDay}'::date + 1)::timestamptz - interval '365 days' + g * (interval '365 days' / ${opts.conversations}) as started_at,
      6 + (g * 7) % 9 as messages
    from generate_series(1, ${opts.conversations}) g
      join bench_customers c on c.n = 1 + (g::bigint * 48271) % ${customers}, t, a`);
  await db.query(
    `insert into conversations (id, workspace_id, customer_id, status, channel, assignee_id, team_id, last_seq, transfers,
       started_at, queue_since, human_connected_at, first_response_at, resolved_at, updated_at)
     select id, $1, customer_id, case when n % 40 = 0 or n % 25 = 0 then 'waiting' else 'resolved' end, channel, assignee_id,
       team_id, messages, case when n % 12 = 0 then 1 else 0 end, started_at, started_at,
       case when n % 40 <> 0 then started_at + (30 + (n * 37) % 600) * interval '1 second' end,
       case when n % 40 <> 0 then started_at + (30 + (n * 37) % 600) * interval '1 second' end,
       case when n % 40 <> 0 and n % 25 <> 0 then started_at + (600 + (n * 97) % 86400) * interval '1 second' end,
       started_at + interval '1 hour'
     from bench_conversations`,
    [ws],
  );
  for (let from = 1; from <= opts.conversations; from += 10_000) {
    await db.query(
      `insert into entries (workspace_id, conversation_id, seq, kind, direction, channel, body, author_kind, author_id,
         emotion, created_at)
       select $1, c.id, s, 'message', case when s % 2 = 1 then 'in' else 'out' end,
         case when s % 2 = 1 and s > 4 and c.n % 9 = 0 then 'email' else c.channel end,
         case when s % 2 = 1 then (array['Where is my order?', 'Can you help me?', 'It has not arrived', 'Thank you'])[1 + (c.n + s / 3) % 4]
           else 'Let me look at that for you.' end,
         case when s % 2 = 1 then 'customer' else 'agent' end, case when s % 2 = 0 then c.assignee_id end,
         case when s % 2 = 1 then (array['angry', 'neutral', 'frustrated', 'grateful', 'anxious', 'neutral'])[1 + (c.n * s) % 6] end,
         c.started_at + s * interval '2 minutes' + random() * interval '90 seconds'
       from bench_conversations c, generate_series(1, c.messages) s
       where c.n between $2 and $3`,
      [ws, from, from + 9_999],
    );
  }
  await db.query(
    `insert into survey_responses (workspace_id, conversation_id, customer_id, channel, csat, ces, answered_at)
     select $1, id, customer_id, case when channel = 'in_person' then 'chat' else channel end, 1 + n % 5, 1 + n % 7,
       started_at + interval '2 hours'
     from bench_conversations where n % 4 = 0`,
    [ws],
  );
  await db.query(
    `insert into callbacks (workspace_id, conversation_id, phone, window_start, window_end, owner_id, status, created_at)
     select $1, id, '+254700000000', started_at + interval '1 hour', started_at + interval '90 minutes', assignee_id,
       (array['done', 'done', 'not_reached', 'wrong_number', 'cancelled'])[1 + n % 5], started_at
     from bench_conversations where n % 30 = 0`,
    [ws],
  );
  await db.query(
    `insert into recoveries (conversation_id, workspace_id, reason, flagged_at, acknowledged_at, fixed_at, compensation_at,
       followed_up_at)
     select id, $1, 'late delivery', started_at, started_at, started_at, case when n % 3 = 0 then started_at end,
       case when n % 3 = 0 then started_at end
     from bench_conversations where n % 50 = 0`,
    [ws],
  );
  await db.exec("set maintenance_work_mem = '256MB'");
  for (const definition of indexes) await db.exec(definition);
  await db.exec('analyze');
  const [counts] = await db.query<{ conversations: number; entries: number }>(
    `select (select count(*)::int from conversations where workspace_id = $1) as conversations,
       (select count(*)::int from entries where workspace_id = $1) as entries`,
    [ws],
  );
  return { workspaceId: ws, agentId, lastDay: opts.lastDay, ...counts! };
}
