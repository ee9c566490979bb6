import type { Delivery } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';

/** One email of a conversation's thread: an agent's reply that was sent, or an email the customer sent us. */
export interface ThreadEmail {
  entryId: string;
  /** The Message-ID of a customer's email; null for our own replies (their id is made from the entry). */
  inboundMessageId: string | null;
  subject: string | null;
}

/** The delivery state of agent replies sent by email (entries.delivery), and what threading needs of them. */
export const deliveries = {
  /** Records how an email reply is getting on. */
  async set(sql: Sql, workspaceId: string, entryId: string, delivery: Delivery): Promise<void> {
    await sql.query('update entries set delivery = $3 where workspace_id = $1 and id = $2::bigint', [
      workspaceId,
      entryId,
      JSON.stringify(delivery),
    ]);
  },
  /** The conversation's emails before `seq`, both ways, oldest first: the thread so far. */
  async threadBefore(sql: Sql, workspaceId: string, conversationId: string, seq: number): Promise<ThreadEmail[]> {
    return sql.query<ThreadEmail>(
      `select e.id::text as "entryId", i.message_id as "inboundMessageId", i.subject
       from entries e left join inbound_emails i on i.workspace_id = e.workspace_id and i.entry_id = e.id
       where e.workspace_id = $1 and e.conversation_id = $2 and e.seq < $3 and e.kind = 'message' and e.channel = 'email'
         and ((e.direction = 'out' and e.delivery->>'status' = 'sent') or (e.direction = 'in' and i.message_id is not null))
       order by e.seq`,
      [workspaceId, conversationId, seq],
    );
  },
};
