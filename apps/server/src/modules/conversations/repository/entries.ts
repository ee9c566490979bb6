import {
  type Channel,
  type Delivery,
  type Direction,
  type Emotion,
  type EmotionReading,
  type Entry,
  type EntryKind,
  isUpsetEmotion,
} from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import { iso } from '../../../core/db/rows.ts';
import { attachmentUrl, type CarriedAttachment } from '../../files/index.ts';

export interface NewEntry {
  kind: EntryKind;
  direction?: Direction | null;
  channel?: Channel | null;
  body?: string;
  clientId?: string | null;
  author: { kind: 'customer' | 'agent' | 'system'; id: string | null };
  event?: { type: string; data: Record<string, unknown> } | null;
  emotion?: EmotionReading | null;
  /** Files the entry carries, checked as its author's and not sent yet; bound to it by appendEntries. */
  attachments?: CarriedAttachment[] | null | undefined;
}

interface EntryRow {
  id: string;
  conversationId: string;
  seq: number;
  kind: EntryKind;
  direction: Direction | null;
  channel: Channel | null;
  body: string;
  clientId: string | null;
  authorKind: 'customer' | 'agent' | 'system';
  authorId: string | null;
  authorName: string | null;
  authorAvatarUrl: string | null;
  eventType: string | null;
  eventData: Record<string, unknown> | null;
  emotion: Emotion | null;
  sentiment: number | null;
  delivery: Delivery | null;
  attachments: CarriedAttachment[] | null;
  createdAt: Date;
}

const select = `select e.id::text as id, e.conversation_id as "conversationId", e.seq, e.kind, e.direction, e.channel, e.body,
  e.client_id as "clientId", e.author_kind as "authorKind", e.author_id as "authorId",
  a.display_name as "authorName", a.avatar_url as "authorAvatarUrl",
  e.event_type as "eventType", e.event_data as "eventData", e.emotion, e.sentiment, e.delivery, e.attachments, e.created_at as "createdAt"
  from entries e left join agents a on a.id = e.author_id and e.author_kind = 'agent'`;

function toEntry(r: EntryRow): Entry {
  return {
    id: r.id,
    conversationId: r.conversationId,
    seq: r.seq,
    kind: r.kind,
    direction: r.direction,
    channel: r.channel,
    body: r.body,
    clientId: r.clientId,
    author: { kind: r.authorKind, id: r.authorId, name: r.authorName, avatarUrl: r.authorAvatarUrl },
    event: r.eventType ? { type: r.eventType, data: r.eventData ?? {} } : null,
    emotion: r.emotion ? { label: r.emotion, sentiment: Number(r.sentiment ?? 0), upset: isUpsetEmotion(r.emotion) } : null,
    ...(r.delivery ? { delivery: r.delivery } : {}),
    ...carrying(r.attachments),
    createdAt: iso(r.createdAt),
  };
}

/** The attachments an entry carries, as agents download them; nothing when it carries none. */
function carrying(attachments: CarriedAttachment[] | null | undefined): Pick<Entry, 'attachments'> {
  return attachments?.length ? { attachments: attachments.map((a) => ({ ...a, url: attachmentUrl(a.id, 'agent') })) } : {};
}

/** True for an agent's reply that goes out by email: it carries a delivery, and a job sends it. */
export function goesByEmail(e: { kind: EntryKind; direction?: Direction | null; channel?: Channel | null }): boolean {
  return e.kind === 'message' && e.direction === 'out' && e.channel === 'email';
}

/** Where every email reply starts: not sent yet, never tried. */
export const NOT_SENT_YET: Delivery = { status: 'pending', to: null, error: null, at: null, attempts: 0 };

/**
 * What a customer may see of their own timeline: messages, and the events written for them (someone
 * joining, a callback booked). Internal notes and events for agents (a failure flagged, an escalation) stay
 * inside. The same rule as `visibleToCustomer` in presenters/entry.ts.
 */
const VISIBLE_TO_CUSTOMER_SQL = `(e.kind = 'message' or (e.kind = 'event' and (e.event_type = 'assigned' or e.event_data ? 'customerText')))`;

export const entries = {
  async byId(sql: Sql, workspaceId: string, id: string): Promise<Entry | null> {
    if (!/^[0-9]{1,18}$/.test(id)) return null;
    const [row] = await sql.query<EntryRow>(`${select} where e.workspace_id = $1 and e.id = $2::bigint`, [workspaceId, id]);
    return row ? toEntry(row) : null;
  },
  async byClientId(sql: Sql, workspaceId: string, conversationId: string, clientId: string): Promise<Entry | null> {
    const [row] = await sql.query<EntryRow>(
      `${select} where e.workspace_id = $1 and e.conversation_id = $2 and e.client_id = $3`,
      [workspaceId, conversationId, clientId],
    );
    return row ? toEntry(row) : null;
  },
  /**
   * Appends with the conversation's next seq. The caller holds the conversation's row lock
   * (`conversations.lock`) inside its transaction, so seqs are dense and ordered.
   */
  /** Entries after `afterSeq`, in order; visitors never see internal notes. */
  async after(
    sql: Sql,
    workspaceId: string,
    conversationId: string,
    opts: { afterSeq: number; limit: number; audience: 'agent' | 'visitor' },
  ): Promise<Entry[]> {
    const rows = await sql.query<EntryRow>(
      `${select} where e.workspace_id = $1 and e.conversation_id = $2 and e.seq > $3::bigint
         ${opts.audience === 'visitor' ? `and ${VISIBLE_TO_CUSTOMER_SQL}` : ''}
       order by e.seq limit $4`,
      [workspaceId, conversationId, opts.afterSeq, opts.limit],
    );
    return rows.map(toEntry);
  },
};

/** An entry with its seq reserved, ready to insert (modules/conversations/appendEntries.ts builds them). */
export type BatchEntry = Omit<Entry, 'id' | 'createdAt' | 'attachments'> & {
  workspaceId: string;
  attachments: CarriedAttachment[] | null;
};

export const entryBatches = {
  /** Entries already stored under these (workspace, conversation, clientId) triples: resends. */
  async byClientIds(sql: Sql, keys: Array<{ workspaceId: string; conversationId: string; clientId: string }>): Promise<Entry[]> {
    if (!keys.length) return [];
    const rows = await sql.query<EntryRow>(
      `${select} join unnest($1::uuid[], $2::uuid[], $3::uuid[]) as k(workspace_id, conversation_id, client_id)
         on e.workspace_id = k.workspace_id and e.conversation_id = k.conversation_id and e.client_id = k.client_id`,
      [keys.map((k) => k.workspaceId), keys.map((k) => k.conversationId), keys.map((k) => k.clientId)],
    );
    return rows.map(toEntry);
  },
  /** Inserts many entries in one statement; the caller has allocated their seqs under the conversations' row locks. */
  async insert(sql: Sql, batch: BatchEntry[]): Promise<Entry[]> {
    if (!batch.length) return [];
    const rows = await sql.query<{ id: string; conversationId: string; seq: number; createdAt: Date }>(
      `insert into entries (workspace_id, conversation_id, seq, kind, direction, channel, body, client_id, author_kind, author_id,
         emotion, sentiment, event_type, event_data, attachments, delivery)
       select *, case when k = 'message' and d = 'out' and ch = 'email' then $16::jsonb end
       from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::text[], $10::uuid[],
         $11::text[], $12::real[], $13::text[], $14::jsonb[], $15::jsonb[]) as u(w, c, s, k, d, ch, b, ci, ak, ai, em, se, et, ed, at)
       returning id::text as id, conversation_id as "conversationId", seq, created_at as "createdAt"`,
      [
        batch.map((b) => b.workspaceId),
        batch.map((b) => b.conversationId),
        batch.map((b) => b.seq),
        batch.map((b) => b.kind),
        batch.map((b) => b.direction),
        batch.map((b) => b.channel),
        batch.map((b) => b.body),
        batch.map((b) => b.clientId),
        batch.map((b) => b.author.kind),
        batch.map((b) => b.author.id),
        batch.map((b) => b.emotion?.label ?? null),
        batch.map((b) => b.emotion?.sentiment ?? null),
        batch.map((b) => b.event?.type ?? null),
        batch.map((b) => (b.event ? JSON.stringify(b.event.data) : null)),
        batch.map((b) => (b.attachments?.length ? JSON.stringify(b.attachments) : null)),
        JSON.stringify(NOT_SENT_YET),
      ],
    );
    const stored = new Map(rows.map((r) => [`${r.conversationId}:${r.seq}`, r]));
    return batch.map((b) => {
      const row = stored.get(`${b.conversationId}:${b.seq}`)!;
      return {
        id: row.id,
        conversationId: b.conversationId,
        seq: b.seq,
        kind: b.kind,
        direction: b.direction,
        channel: b.channel,
        body: b.body,
        clientId: b.clientId,
        author: b.author,
        emotion: b.emotion,
        event: b.event,
        ...(goesByEmail(b) ? { delivery: NOT_SENT_YET } : {}),
        ...carrying(b.attachments),
        createdAt: iso(row.createdAt),
      };
    });
  },
};
