import type { Sql } from '../../../core/db/sql.ts';

export const phoneCallers = {
  /** Holds calls from one number in one workspace one at a time until commit: two rings never make two customers. */
  async lockNumber(tx: Sql, workspaceId: string, number: string): Promise<void> {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`${workspaceId}:phone:${number}`]);
  },
};

export const missedPhoneCalls = {
  /** Records a missed call's Call-ID; false when it was recorded already (the proxy reported it twice). */
  async claim(tx: Sql, workspaceId: string, input: { sipCallId: string; reason: string; missedAt: Date }): Promise<boolean> {
    const rows = await tx.query(
      `insert into missed_phone_calls (workspace_id, sip_call_id, reason, missed_at) values ($1, $2, $3, $4)
       on conflict do nothing returning 1`,
      [workspaceId, input.sipCallId, input.reason, input.missedAt],
    );
    return rows.length === 1;
  },
  /** What came of it: the number, the conversation it went to and the callback it booked. */
  async settle(
    tx: Sql,
    workspaceId: string,
    sipCallId: string,
    outcome: { number: string; conversationId: string; callbackId: string | null },
  ): Promise<void> {
    await tx.query(
      `update missed_phone_calls set number = $3, conversation_id = $4, callback_id = $5
       where workspace_id = $1 and sip_call_id = $2`,
      [workspaceId, sipCallId, outcome.number, outcome.conversationId, outcome.callbackId],
    );
  },
};
