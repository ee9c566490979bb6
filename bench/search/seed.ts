import { randomUUID } from 'node:crypto';
import type { Db } from '../../apps/server/src/core/db/client.ts';
import { hashPassword } from '../../apps/server/src/modules/auth/auth.ts';
import { newWorkspaceKey } from '../../apps/server/src/modules/workspaces/settings.ts';
import {
  AGENT_LINES,
  AGENT_NAMES,
  CUSTOMER_LINES,
  DAYS,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  FLAVOURS,
  LAST_NAMES,
  PLACES,
  PRODUCTS,
  TIMES,
} from './corpus.ts';

export interface SearchSeed {
  workspaceId: string;
  /** An agent (role 'agent') in the Orders team, not in the restricted Wholesale team. */
  agentId: string;
  customers: number;
  conversations: number;
  messages: number;
}

const CHUNK = 10_000;
/** Conversations whose messages arrive after the indexes are built, ten at a time. */
const RECENT = 200;

/** A SQL array literal of our own constant strings. */
const array = (values: readonly string[]) => `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')}]::text[]`;

/** A rank 1…n drawn with probability ∝ 1/rank (Zipf with exponent 1): `floor((n+1)^u)`, u uniform in [0, 1). */
const zipf = (n: number) => `least(${n}, floor(power(${n + 1}, random()))::int)`;

/** Picks from a constant list with Zipf weights. */
const pick = (values: readonly string[]) => `(${array(values)})[${zipf(values.length)}]`;

/**
 * One workspace of a bakery's customer service, built in SQL with generate_series: `customers` people
 * with names, emails (also as identities) and some phones, `conversations` over two years, about ten
 * messages each drawn from corpus.ts, in four teams of which one is restricted. Secondary indexes of
 * customers, conversations and entries are dropped while loading and rebuilt from their own definitions;
 * ANALYZE runs once the history is loaded.
 */
export async function seedSearch(db: Db, opts: { customers: number; conversations: number }): Promise<SearchSeed> {
  await db.query('select setseed(0.42)');
  const [workspace] = await db.query<{ id: string }>('insert into workspaces (name, key) values ($1, $2) returning id', [
    'Mkate & Masa Bakery',
    newWorkspaceKey(),
  ]);
  const ws = workspace!.id;
  const hash = await hashPassword(randomUUID());
  const agents = await db.query<{ id: string }>(
    `insert into agents (workspace_id, email, display_name, role, password_hash)
     select $1, lower(n) || '@mkatemasa.example', n, case when i = 1 then 'agent' else (array['agent', 'agent', 'supervisor'])[1 + i % 3] end, $2
     from unnest(${array(AGENT_NAMES)}) with ordinality as a(n, i) order by i returning id`,
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
       and (t.name = 'Orders' or (t.name <> 'Wholesale' and a.id <> $2) or (t.name = 'Wholesale' and a.role = 'supervisor'))`,
    [ws, agentId],
  );

  const indexes = await dropIndexes(db, ['customers', 'identities', 'conversations', 'entries']);

  await db.query(
    `insert into customers (workspace_id, name, email, phone, created_at, updated_at)
     select $1, f || ' ' || l,
       translate(lower(f || '.' || l), 'áéíóúñ', 'aeioun') || g || '@' || ${pick(EMAIL_DOMAINS)},
       case when g % 2 = 0 then '+2547' || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0') end,
       now() - interval '800 days' + g * interval '10 minutes', now()
     from generate_series(1, ${opts.customers}) g,
       lateral (select ${pick(FIRST_NAMES)} as f, (${array(LAST_NAMES)})[1 + (g * 31) % ${LAST_NAMES.length}] as l offset 0) n`,
    [ws],
  );
  await db.exec(`create temp table bench_customers as
    select row_number() over (order by created_at, id)::int as n, id, split_part(name, ' ', 1) as first, email, phone
    from customers where workspace_id = '${ws}'`);
  await db.exec('alter table bench_customers add primary key (n)');
  await db.query(
    `insert into identities (workspace_id, customer_id, kind, value, verified)
     select $1::uuid, id, 'email', email, n % 3 = 0 from bench_customers
     union all select $1::uuid, id, 'phone', phone, false from bench_customers where phone is not null`,
    [ws],
  );

  // Conversation n belongs to customer ((n · 48271) mod 70% of customers): most have one, some two.
  const owners = Math.max(1, Math.floor(opts.customers * 0.7));
  await db.exec(`create temp table bench_conversations as
    with t as (select array_agg(id order by name) as ids from teams where workspace_id = '${ws}'),
      a as (select array_agg(id order by email) as ids from agents where workspace_id = '${ws}')
    select g as n, gen_random_uuid() as id, c.id as customer_id, c.first,
      (100000 + (g::bigint * 7919) % 900000)::text as order_no,
      case when g % 10 < 7 then t.ids[1 + g % 4] end as team_id,
      a.ids[1 + (g * 13) % ${AGENT_NAMES.length}] as assignee_id,
      case when g % 17 = 0 then 'email' else 'chat' end as channel,
      now() - interval '730 days' + g * (interval '730 days' / ${opts.conversations}) as started_at,
      6 + (g * 7) % 9 as messages
    from generate_series(1, ${opts.conversations}) g
      join bench_customers c on c.n = 1 + (g::bigint * 48271) % ${owners}, t, a`);
  await db.query(
    `insert into conversations (id, workspace_id, customer_id, status, channel, assignee_id, team_id, last_seq,
       started_at, queue_since, human_connected_at, first_response_at, resolved_at, updated_at)
     select id, $1, customer_id, case when n > $2 - 50 then 'active' else 'resolved' end, channel, assignee_id, team_id,
       messages, started_at, started_at, started_at + interval '1 minute', started_at + interval '90 seconds',
       case when n <= $2 - 50 then started_at + interval '1 hour' end, started_at + interval '1 hour'
     from bench_conversations`,
    [ws, opts.conversations],
  );

  // The newest conversations are written after the indexes are built, so the text index has a pending
  // list of recent messages as it has in service.
  const tail = Math.max(1, opts.conversations - RECENT);
  for (let from = 1; from < tail; from += CHUNK) await insertMessages(db, ws, from, Math.min(tail - 1, from + CHUNK - 1));
  await db.exec("set maintenance_work_mem = '256MB'");
  for (const definition of indexes) await db.exec(definition);
  await db.exec('analyze');
  for (let from = tail; from <= opts.conversations; from += 10) {
    await insertMessages(db, ws, from, Math.min(opts.conversations, from + 9));
  }
  await db.exec(`update conversations c set last_message_body = e.body, last_message_direction = e.direction,
      last_message_at = e.created_at
    from entries e where e.conversation_id = c.id and e.seq = c.last_seq and c.workspace_id = '${ws}'`);

  const [counts] = await db.query<{ customers: number; conversations: number; messages: number }>(
    `select (select count(*)::int from customers where workspace_id = $1) as customers,
       (select count(*)::int from conversations where workspace_id = $1) as conversations,
       (select count(*)::int from entries where workspace_id = $1 and kind = 'message') as messages`,
    [ws],
  );
  return { workspaceId: ws, agentId, ...counts! };
}

/** Drops the tables' secondary indexes (not primary keys or unique constraints); returns their definitions. */
export async function dropIndexes(db: Db, tables: string[]): Promise<string[]> {
  const rows = await db.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class t on t.oid = i.indrelid
     where t.relname = any($1) and not i.indisprimary
       and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
    [tables],
  );
  for (const row of rows) await db.exec(`drop index ${row.name}`);
  return rows.map((r) => r.definition);
}

/** About ten messages for each conversation numbered from…to, in time order, so that entry ids grow with time. */
async function insertMessages(db: Db, workspaceId: string, from: number, to: number) {
  await db.query(
    `insert into entries (workspace_id, conversation_id, seq, kind, direction, channel, body, author_kind, author_id, created_at)
     select $1, c.id, s, 'message', case when s % 2 = 1 then 'in' else 'out' end, c.channel,
       replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
         case when s % 2 = 1 then ${pick(CUSTOMER_LINES)} else ${pick(AGENT_LINES)} end,
         '{first}', c.first), '{order}', c.order_no), '{agent}', ${pick(AGENT_NAMES)}), '{product}', ${pick(PRODUCTS)}),
         '{flavour}', ${pick(FLAVOURS)}), '{place}', ${pick(PLACES)}), '{day}', ${pick(DAYS)}), '{time}', ${pick(TIMES)}),
         '{qty}', (2 + floor(random() * 48)::int)::text), '{amount}', 'KSh ' || (500 + 50 * floor(random() * 200)::int)::text),
       case when s % 2 = 1 then 'customer' else 'agent' end, case when s % 2 = 0 then c.assignee_id end,
       c.started_at + s * interval '2 minutes' + random() * interval '90 seconds'
     from bench_conversations c, generate_series(1, c.messages) s
     where c.n between $2 and $3
     order by 10`,
    [workspaceId, from, to],
  );
}
