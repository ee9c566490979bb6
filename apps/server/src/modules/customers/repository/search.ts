import type { Channel, ConversationStatus } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import { conversationVisibleSql, type Viewer } from '../../teams/index.ts';
import { CUSTOMER_COLUMNS, CUSTOMER_SEARCH_VECTOR, type CustomerRecord } from './customers.ts';

export interface ConversationHitRow {
  conversationId: string;
  customerId: string;
  channel: Channel;
  status: ConversationStatus;
  snippet: string;
  at: Date;
}

/**
 * How many of the newest entries (by id) are read in order before the text index is asked, and the
 * same for customers (by creation). A prefix such as 'th':* matches most rows: its newest matches sit
 * in the first few hundred rows, while asking the index would gather every one of them. Words that
 * do not fill a page from these windows are rare enough for the index to be cheap.
 */
const ENTRY_WINDOWS = [2_000n, 20_000n];
const CUSTOMER_WINDOW = 1_000;
/** A term found in at most this share of the newest entries is looked up in the index; commoner ones are only checked. */
const RARE_IN_SAMPLE = 0.1;

interface ConversationHit {
  conversationId: string;
  entryId: string;
}

const HEADLINE = `'StartSel=«, StopSel=», MaxWords=24, MinWords=10, ShortWord=1, MaxFragments=1, FragmentDelimiter=" … "'`;

/**
 * Full-text search, newest first, as an agent types. `tsquery` comes from domain/customers/searchQuery.ts
 * and is always well formed. Results are exact: the newest matches visible to the viewer. How they are
 * found depends on how common the words are (docs/BENCHMARKS.md, "Search").
 */
export const search = {
  /** Conversations whose messages or notes match, each once, with the newest matching text marked. */
  async conversations(
    sql: Sql,
    workspaceId: string,
    viewer: Viewer,
    tsquery: string,
    limit: number,
  ): Promise<ConversationHitRow[]> {
    // Entry ids are shared by all workspaces; the newest is only a bound for the windows.
    const [{ top } = { top: null }] = await sql.query<{ top: string | null }>('select max(id)::text as top from entries');
    if (top === null) return [];
    // Disjoint id ranges, newest first, so that each conversation is found first through its newest match.
    const bounds = [BigInt(top), ...ENTRY_WINDOWS.map((w) => BigInt(top) - w), 0n].map((b) => (b > 0n ? b : 0n));
    const found: ConversationHit[] = [];
    for (let i = 0; i + 1 < bounds.length && found.length < limit; i++) {
      const [upper, lower] = [bounds[i]!, bounds[i + 1]!];
      if (upper <= lower) continue;
      const last = i + 2 === bounds.length;
      const indexed = last ? await rareTerms(sql, workspaceId, tsquery, { lower: bounds[1]!, upper: bounds[0]! }) : null;
      const hits = await conversationsIn(
        sql,
        workspaceId,
        viewer,
        { tsquery, indexed },
        { lower, upper },
        found,
        limit - found.length,
      );
      found.push(...hits);
    }
    if (found.length === 0) return [];
    return sql.query<ConversationHitRow>(
      `select c.id as "conversationId", c.customer_id as "customerId", c.channel, c.status, e.created_at as "at",
         ts_headline('simple', e.body, to_tsquery('simple', $2), ${HEADLINE}) as snippet
       from entries e join conversations c on c.id = e.conversation_id
       where e.workspace_id = $1 and e.id = any($3::bigint[])
       order by e.id desc`,
      [workspaceId, tsquery, found.map((f) => f.entryId)],
    );
  },

  /** Live customers whose name, email or phone match the words, or whose contact points start with the text typed. */
  async customers(
    sql: Sql,
    workspaceId: string,
    words: string | null,
    contactPrefix: string | null,
    limit: number,
  ): Promise<CustomerRecord[]> {
    if (!words && !contactPrefix) return [];
    const live = 'c.merged_into is null and c.erased_at is null';
    const params: unknown[] = [workspaceId, limit];
    const matches: string[] = [];
    const sources: string[] = [];
    let contactJoin = '';
    if (words) {
      params.push(words);
      const query = `to_tsquery('simple', $${params.length})`;
      matches.push(`c.search_vector @@ ${query}`);
      sources.push(
        `select c.id, c.created_at from customers c where c.workspace_id = $1 and ${live} and ${CUSTOMER_SEARCH_VECTOR} @@ ${query}`,
      );
    }
    if (contactPrefix) {
      params.push(`${contactPrefix}%`);
      const identity = `i.workspace_id = $1 and i.kind in ('email', 'phone', 'external') and i.value like $${params.length}`;
      // Looked up per customer (LIMIT, OFFSET 0 keep the subqueries apart): a prefix such as '+254' starts most
      // phone numbers, and the planner would otherwise read them all, or every customer for the matches.
      contactJoin = `left join lateral (select true as hit from identities i where i.customer_id = c.id and ${identity} limit 1) contact on true`;
      matches.push('contact.hit');
      sources.push(
        `select c.id, c.created_at from identities i cross join lateral
           (select c.id, c.created_at from customers c where c.id = i.customer_id and c.workspace_id = $1 and ${live} offset 0) c
         where ${identity}`,
      );
    }
    // The newest customers first, then every match; ids first and columns after, which read identities per row.
    const order = 'order by created_at desc, id desc';
    let ids = await sql.query<{ id: string }>(
      `select c.id
       from (select id, created_at, merged_into, erased_at, search_vector from customers c where c.workspace_id = $1
             order by c.created_at desc, c.id desc limit ${CUSTOMER_WINDOW}) c ${contactJoin}
       where ${live} and (${matches.join(' or ')}) ${order} limit $2`,
      params,
    );
    if (ids.length < limit) {
      ids = await sql.query<{ id: string }>(`${sources.join(' union ')} ${order} limit $2`, params);
    }
    if (ids.length === 0) return [];
    return sql.query<CustomerRecord>(
      `select ${CUSTOMER_COLUMNS} from customers c where c.workspace_id = $1 and c.id = any($2::uuid[]) order by c.created_at desc, c.id desc`,
      [workspaceId, ids.map((r) => r.id)],
    );
  },
};

/**
 * The newest visible conversations, not yet found, with a match among entries with ids in (lower, upper].
 * OFFSET 0 keeps the full query out of the scan below it: without `indexed` the range is read in id order
 * (the planner cannot trade that for the index); with it, the index is asked for those terms only.
 */
async function conversationsIn(
  sql: Sql,
  workspaceId: string,
  viewer: Viewer,
  query: { tsquery: string; indexed: string | null },
  range: { lower: bigint; upper: bigint },
  found: ConversationHit[],
  limit: number,
): Promise<ConversationHit[]> {
  const params: unknown[] = [
    workspaceId,
    query.tsquery,
    viewer.agentId,
    viewer.role,
    range.lower.toString(),
    range.upper.toString(),
    found.map((f) => f.conversationId),
    limit,
  ];
  if (query.indexed) params.push(query.indexed);
  return sql.query<ConversationHit>(
    `with hits as (
       select e.conversation_id, max(e.id) as entry_id
       from (select id, conversation_id, search_vector from entries
             where workspace_id = $1 and id > $5::bigint and id <= $6::bigint
               ${query.indexed ? `and search_vector @@ to_tsquery('simple', $9)` : ''}
             offset 0) e
       where e.search_vector @@ to_tsquery('simple', $2)
       group by e.conversation_id
       order by entry_id desc -- visibility is then checked newest first, only until the page is full
     )
     select h.conversation_id as "conversationId", h.entry_id::text as "entryId"
     from hits h join conversations c on c.id = h.conversation_id
     where c.workspace_id = $1 and ${conversationVisibleSql('c', '$3::uuid', '$4')} and h.conversation_id <> all($7::uuid[])
     order by h.entry_id desc
     limit $8`,
    params,
  );
}

/**
 * The terms worth asking the index for, judged on the newest entries as a sample. The index gathers every
 * row a prefix matches before it can combine words, so a common one ('order':*, 'to':*) costs more than
 * checking it on the rows that the rarer words find. Terms are `'word':*` joined by ` & `
 * (domain/customers/searchQuery.ts); the rarest is kept when all are common.
 */
async function rareTerms(
  sql: Sql,
  workspaceId: string,
  tsquery: string,
  sample: { lower: bigint; upper: bigint },
): Promise<string> {
  const terms = tsquery.split(' & ');
  if (terms.length === 1) return tsquery;
  const [row] = await sql.query<{ counts: number[]; rows: number }>(
    `select array[${terms.map((_, i) => `count(*) filter (where search_vector @@ to_tsquery('simple', $${i + 4}))::int`).join(', ')}] as counts,
       count(*)::int as rows
     from (select search_vector from entries where workspace_id = $1 and id > $2::bigint and id <= $3::bigint offset 0) e`,
    [workspaceId, sample.lower.toString(), sample.upper.toString(), ...terms],
  );
  const counts = row?.counts ?? terms.map(() => 0);
  const rare = terms.filter((_, i) => counts[i]! <= (row?.rows ?? 0) * RARE_IN_SAMPLE);
  if (rare.length > 0) return rare.join(' & ');
  return terms[counts.indexOf(Math.min(...counts))]!;
}
