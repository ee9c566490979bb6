import type { Channel, Emotion } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import { conversationVisibleSql, type Viewer } from '../../teams/index.ts';

export interface TimelineRow {
  kind: 'conversation' | 'message' | 'note' | 'event' | 'customer_note';
  at: Date;
  /** `at` at full (microsecond) precision, for cursors: a JS Date keeps only milliseconds. */
  atKey: string;
  sortKey: string;
  customerId: string;
  conversationId: string | null;
  channel: Channel | null;
  direction: 'in' | 'out' | null;
  type: string | null;
  text: string;
  authorKind: 'customer' | 'agent' | 'system' | null;
  authorName: string | null;
  mood: Emotion | null;
}

/** A position in a timeline: items strictly older than it come next. */
export interface TimelineCursor {
  at: string;
  sortKey: string;
}

/**
 * Everything that happened with these customers, on every channel, newest first: conversations
 * started, messages, internal notes, events (assignments, transfers, callbacks …) and notes about
 * the person. Conversations the viewer may not see are left out with everything in them.
 */
export async function timelineOf(
  sql: Sql,
  workspaceId: string,
  viewer: Viewer,
  customerIds: string[],
  page: { before?: TimelineCursor | undefined; limit: number },
): Promise<TimelineRow[]> {
  const params: unknown[] = [workspaceId, customerIds, viewer.agentId, viewer.role];
  let after = '';
  if (page.before) {
    params.push(page.before.at, page.before.sortKey);
    after = `where (t.at, t."sortKey") < ($5::timestamptz, $6::text)`;
  }
  params.push(page.limit);
  const visible = conversationVisibleSql('c', '$3::uuid', '$4');
  return sql.query<TimelineRow>(
    `select t.*, t.at::text as "atKey" from (
       select 'conversation' as kind, c.started_at as at, 'c' || c.id::text as "sortKey", c.customer_id::text as "customerId",
         c.id::text as "conversationId", c.channel, null::text as direction, null::text as type,
         'Conversation started' as text, null::text as "authorKind", null::text as "authorName", null::text as mood
       from conversations c
       where c.workspace_id = $1 and c.customer_id = any($2::uuid[]) and ${visible}
       union all
       select e.kind, e.created_at, 'e' || lpad(e.id::text, 19, '0'), c.customer_id::text, c.id::text,
         coalesce(e.channel, c.channel), e.direction, e.event_type, e.body, e.author_kind, a.display_name, e.emotion
       from conversations c
       join entries e on e.conversation_id = c.id
       left join agents a on a.id = e.author_id and e.author_kind = 'agent'
       where c.workspace_id = $1 and c.customer_id = any($2::uuid[]) and ${visible}
       union all
       select 'customer_note', n.created_at, 'n' || n.id::text, n.customer_id::text, null, null, null, null, n.body,
         'agent', a.display_name, null
       from customer_notes n left join agents a on a.id = n.author_id
       where n.workspace_id = $1 and n.customer_id = any($2::uuid[])
     ) t
     ${after}
     order by t.at desc, t."sortKey" desc
     limit $${params.length}`,
    params,
  );
}
