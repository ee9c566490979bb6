import type { CompensationKind } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/rows.ts';

export interface RecoveryRecord {
  conversationId: string;
  workspaceId: string;
  reason: string;
  flaggedBy: string | null;
  flaggedAt: Date;
  ownerId: string | null;
  acknowledgedAt: Date | null;
  fixedAt: Date | null;
  fixNote: string | null;
  compensationAt: Date | null;
  compensationKind: CompensationKind | null;
  compensationValueCents: number | null;
  compensationCurrency: string | null;
  compensationNote: string | null;
  followUpAt: Date | null;
  followUpNote: string | null;
  followUpRemindedAt: Date | null;
  followedUpAt: Date | null;
}

const columns = `conversation_id as "conversationId", workspace_id as "workspaceId", reason, flagged_by as "flaggedBy",
  flagged_at as "flaggedAt", owner_id as "ownerId", acknowledged_at as "acknowledgedAt", fixed_at as "fixedAt", fix_note as "fixNote",
  compensation_at as "compensationAt", compensation_kind as "compensationKind", compensation_value_cents as "compensationValueCents",
  compensation_currency as "compensationCurrency", compensation_note as "compensationNote", follow_up_at as "followUpAt",
  follow_up_note as "followUpNote", follow_up_reminded_at as "followUpRemindedAt", followed_up_at as "followedUpAt"`;

/** A recovery is complete when every step of the checklist is done. */
export const RECOVERED_SQL = `(acknowledged_at is not null and fixed_at is not null and compensation_at is not null and followed_up_at is not null)`;

/** The service-recovery checklist of conversations flagged as failures. */
export const recoveries = {
  /** Starts the checklist; a conversation already flagged keeps its first reason. Returns true when it started now. */
  async start(
    sql: Sql,
    workspaceId: string,
    input: { conversationId: string; reason: string; flaggedBy: string | null; ownerId: string | null },
  ): Promise<boolean> {
    const rows = await sql.query(
      `insert into recoveries (conversation_id, workspace_id, reason, flagged_by, owner_id) values ($1, $2, $3, $4, $5)
       on conflict (conversation_id) do nothing returning conversation_id`,
      [input.conversationId, workspaceId, input.reason, input.flaggedBy, input.ownerId],
    );
    return rows.length > 0;
  },
  async byConversation(sql: Sql, workspaceId: string, conversationId: string, opts: { forUpdate?: boolean } = {}) {
    if (!isUuid(conversationId)) return null;
    const [row] = await sql.query<RecoveryRecord>(
      `select ${columns} from recoveries where workspace_id = $1 and conversation_id = $2 ${opts.forUpdate ? 'for update' : ''}`,
      [workspaceId, conversationId],
    );
    return row ?? null;
  },
  async set(sql: Sql, workspaceId: string, conversationId: string, fields: Record<string, unknown>): Promise<void> {
    const entries = Object.entries(fields);
    if (entries.length === 0) return;
    const sets = entries.map(([column], i) => `${column} = $${i + 3}`);
    await sql.query(`update recoveries set ${sets.join(', ')} where workspace_id = $1 and conversation_id = $2`, [
      workspaceId,
      conversationId,
      ...entries.map(([, v]) => v),
    ]);
  },
  /** Failures flagged since a time, how many were fully recovered, and what compensation cost (per currency). */
  async counts(sql: Sql, workspaceId: string, since: Date) {
    const [row] = await sql.query<{ flagged: number; recovered: number; byRule: number }>(
      `select count(*)::int as flagged, count(*) filter (where ${RECOVERED_SQL})::int as recovered,
         count(*) filter (where flagged_by is null)::int as "byRule"
       from recoveries where workspace_id = $1 and flagged_at >= $2`,
      [workspaceId, since],
    );
    return row!;
  },
};
