import type { Delivery } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';

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
  /** Ids of the conversation's email replies already sent before `seq`, oldest first: the thread so far. */
  async sentBefore(sql: Sql, workspaceId: string, conversationId: string, seq: number): Promise<string[]> {
    const rows = await sql.query<{ id: string }>(
      `select id::text as id from entries where workspace_id = $1 and conversation_id = $2 and seq < $3
         and kind = 'message' and direction = 'out' and channel = 'email' and delivery->>'status' = 'sent'
       order by seq`,
      [workspaceId, conversationId, seq],
    );
    return rows.map((r) => r.id);
  },
};
