import type { AttributeDefinition, AttributeType } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';

/** The custom attributes a workspace keeps on its customers. */
export const attributeDefinitions = {
  async list(sql: Sql, workspaceId: string): Promise<AttributeDefinition[]> {
    return sql.query<AttributeDefinition>(
      'select key, label, type, choices from attribute_definitions where workspace_id = $1 order by created_at, key',
      [workspaceId],
    );
  },
  /** Creates or redefines one; returns it. */
  async put(
    sql: Sql,
    workspaceId: string,
    input: { key: string; label: string; type: AttributeType; choices: string[] },
  ): Promise<AttributeDefinition> {
    const [row] = await sql.query<AttributeDefinition>(
      `insert into attribute_definitions (workspace_id, key, label, type, choices) values ($1, $2, $3, $4, $5)
       on conflict (workspace_id, key) do update set label = excluded.label, type = excluded.type, choices = excluded.choices
       returning key, label, type, choices`,
      [workspaceId, input.key, input.label, input.type, input.choices],
    );
    return row!;
  },
  async remove(sql: Sql, workspaceId: string, key: string): Promise<boolean> {
    const rows = await sql.query('delete from attribute_definitions where workspace_id = $1 and key = $2 returning key', [
      workspaceId,
      key,
    ]);
    return rows.length > 0;
  },
};
