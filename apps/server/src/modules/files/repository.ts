import type { Sql } from '../../core/db/client.ts';

/** A stored file as it is served. */
export interface ServedFile {
  contentType: string;
  byteSize: number;
  originalName: string;
  /** Null for photos whose bytes are in the file storage (core/storage), under the same key. */
  bytes: Buffer | null;
}

export const storedFiles = {
  async insert(
    sql: Sql,
    file: { key: string; workspaceId: string; contentType: string; originalName: string; byteSize: number },
  ): Promise<void> {
    await sql.query(`insert into files (key, workspace_id, content_type, byte_size, original_name) values ($1, $2, $3, $4, $5)`, [
      file.key,
      file.workspaceId,
      file.contentType,
      file.byteSize,
      file.originalName,
    ]);
  },
  /**
   * The one read without a workspace: a file's random key is its whole address, as customers' browsers load agents'
   * photos from websites that carry no Warmline session.
   */
  async forServing(sql: Sql, key: string): Promise<ServedFile | null> {
    const [row] = await sql.query<ServedFile>(
      `select content_type as "contentType", byte_size as "byteSize", original_name as "originalName", bytes
       from files where key = $1`,
      [key],
    );
    return row ?? null;
  },
  /** Deletes the row; answers whether there was one. */
  async remove(sql: Sql, workspaceId: string, key: string): Promise<boolean> {
    const rows = await sql.query('delete from files where workspace_id = $1 and key = $2 returning key', [workspaceId, key]);
    return rows.length > 0;
  },
};
