import type { AgentRole } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import { conversationVisibleSql } from '../../teams/index.ts';

/** Tags on conversations: a normalised text array on the conversation row (GIN-indexed for the inbox filter). */
export const conversationTags = {
  /** Adds the tag unless the conversation already carries it; true when it was added. */
  async add(sql: Sql, workspaceId: string, conversationId: string, tag: string): Promise<boolean> {
    const rows = await sql.query(
      `update conversations set tags = array_append(tags, $3::text)
       where workspace_id = $1 and id = $2 and not (tags @> array[$3::text]) returning id`,
      [workspaceId, conversationId, tag],
    );
    return rows.length > 0;
  },
  /** Takes the tag off; true when the conversation carried it. */
  async remove(sql: Sql, workspaceId: string, conversationId: string, tag: string): Promise<boolean> {
    const rows = await sql.query(
      `update conversations set tags = array_remove(tags, $3::text)
       where workspace_id = $1 and id = $2 and tags @> array[$3::text] returning id`,
      [workspaceId, conversationId, tag],
    );
    return rows.length > 0;
  },
  /**
   * Every tag in use on the conversations this viewer may see (visibility.ts), with how many carry it, the most used
   * first: the agent app's suggestions, and what a report groups by.
   */
  async inUse(
    sql: Sql,
    workspaceId: string,
    viewer: { agentId: string; role: AgentRole },
  ): Promise<Array<{ tag: string; conversations: number }>> {
    return sql.query<{ tag: string; conversations: number }>(
      `select t.tag, count(*)::int as conversations from conversations c cross join unnest(c.tags) as t(tag)
       where c.workspace_id = $1 and ${conversationVisibleSql('c', '$2::uuid', '$3::text')}
       group by t.tag order by count(*) desc, t.tag limit 500`,
      [workspaceId, viewer.agentId, viewer.role],
    );
  },
};
