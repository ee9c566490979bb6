import type { AttributeValue, IdentityKind, MemberRole } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import { isUuid } from '../../../core/db/rows.ts';

/** Everything one merge changed, recorded so that undoing it restores each row. */
export interface MergeMoves {
  conversationIds: string[];
  identityIds: string[];
  /** Source identities the target already had: removed from the source, re-created on undo. */
  droppedIdentities: Array<{ kind: IdentityKind; value: string; verified: boolean; createdAt: string }>;
  noteIds: string[];
  /** Organizations whose membership moved to the target. */
  movedMemberships: string[];
  /** Source memberships in organizations the target was already in: removed, re-created on undo. */
  droppedMemberships: Array<{ organizationId: string; role: MemberRole }>;
  /** The target's own fields before the merge filled them from the source. */
  targetBefore: { name: string | null; ownerAgentId: string | null; attributes: Record<string, AttributeValue> };
}

export interface MergeRecord {
  id: string;
  targetId: string;
  sourceId: string;
  moved: MergeMoves;
  mergedBy: string | null;
  mergedByName: string | null;
  mergedByAvatarUrl: string | null;
  mergedAt: Date;
  undoneAt: Date | null;
}

const columns = `m.id, m.target_id as "targetId", m.source_id as "sourceId", m.moved, m.merged_by as "mergedBy",
  a.display_name as "mergedByName", a.avatar_url as "mergedByAvatarUrl", m.merged_at as "mergedAt", m.undone_at as "undoneAt"`;

export const customerMerges = {
  async record(
    sql: Sql,
    workspaceId: string,
    input: { targetId: string; sourceId: string; moved: MergeMoves; mergedBy: string },
  ): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `insert into customer_merges (workspace_id, target_id, source_id, moved, merged_by) values ($1, $2, $3, $4, $5) returning id`,
      [workspaceId, input.targetId, input.sourceId, JSON.stringify(input.moved), input.mergedBy],
    );
    return row!.id;
  },
  async byId(sql: Sql, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<MergeRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<MergeRecord>(
      `select ${columns} from customer_merges m left join agents a on a.id = m.merged_by
       where m.workspace_id = $1 and m.id = $2 ${opts.forUpdate ? 'for update of m' : ''}`,
      [workspaceId, id],
    );
    return row ?? null;
  },
  /** Merges into this customer that can still be undone, newest first. */
  async undoableInto(sql: Sql, workspaceId: string, targetId: string): Promise<MergeRecord[]> {
    return sql.query<MergeRecord>(
      `select ${columns} from customer_merges m left join agents a on a.id = m.merged_by
       where m.workspace_id = $1 and m.target_id = $2 and m.undone_at is null order by m.merged_at desc limit 20`,
      [workspaceId, targetId],
    );
  },
  async markUndone(sql: Sql, workspaceId: string, id: string, by: string): Promise<void> {
    await sql.query('update customer_merges set undone_at = now(), undone_by = $3 where workspace_id = $1 and id = $2', [
      workspaceId,
      id,
      by,
    ]);
  },
  /**
   * Erasure: merges touching the person can no longer be undone and keep none of what they recorded of them
   * (contact points, and the name and attributes a target had before).
   */
  async forgetFor(sql: Sql, workspaceId: string, customerId: string): Promise<void> {
    await sql.query(
      `update customer_merges set undone_at = coalesce(undone_at, now()),
         moved = jsonb_set(jsonb_set(moved, '{droppedIdentities}', '[]'), '{targetBefore}',
           '{"name": null, "ownerAgentId": null, "attributes": {}}')
       where workspace_id = $1 and (source_id = $2 or target_id = $2)`,
      [workspaceId, customerId],
    );
  },
};
