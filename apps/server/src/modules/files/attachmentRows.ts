import type { Sql } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/rows.ts';

/** An uploaded file as it is stored: what its bytes are, whose, and (once sent) where it was sent. */
export interface AttachmentRecord {
  id: string;
  workspaceId: string;
  storageKey: string;
  type: string;
  size: number;
  name: string;
  uploadedBy: { kind: 'agent' | 'customer'; id: string };
  /** The conversation it was uploaded into (agents) or sent in; null for a customer's upload not sent yet. */
  conversationId: string | null;
  /** The entry that carries it, once sent. */
  entryId: string | null;
  /** That entry's kind and clientId, once sent: a note's files are for agents only, and a resend finds its own. */
  entryKind: string | null;
  entryClientId: string | null;
}

const select = `select a.id, a.workspace_id as "workspaceId", a.storage_key as "storageKey", a.content_type as type,
  a.byte_size as size, a.name, a.uploaded_by_kind as "uploadedByKind", a.uploaded_by as "uploadedById",
  a.conversation_id as "conversationId", a.entry_id::text as "entryId", e.kind as "entryKind", e.client_id as "entryClientId"
  from attachments a left join entries e on e.id = a.entry_id`;

type Row = Omit<AttachmentRecord, 'uploadedBy'> & { uploadedByKind: 'agent' | 'customer'; uploadedById: string };
const toRecord = ({ uploadedByKind, uploadedById, ...r }: Row): AttachmentRecord => ({
  ...r,
  uploadedBy: { kind: uploadedByKind, id: uploadedById },
});

/** Attachments' rows; every call names the workspace. */
export const attachmentRows = {
  async insert(sql: Sql, a: Omit<AttachmentRecord, 'id' | 'entryId' | 'entryKind' | 'entryClientId'>): Promise<AttachmentRecord> {
    const [row] = await sql.query<{ id: string }>(
      `insert into attachments (workspace_id, storage_key, content_type, byte_size, name, uploaded_by_kind, uploaded_by, conversation_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [a.workspaceId, a.storageKey, a.type, a.size, a.name, a.uploadedBy.kind, a.uploadedBy.id, a.conversationId],
    );
    return { ...a, id: row!.id, entryId: null, entryKind: null, entryClientId: null };
  },
  async byIds(sql: Sql, workspaceId: string, ids: string[]): Promise<AttachmentRecord[]> {
    const wellFormed = ids.filter(isUuid);
    if (!wellFormed.length) return [];
    const rows = await sql.query<Row>(`${select} where a.workspace_id = $1 and a.id = any($2::uuid[])`, [
      workspaceId,
      wellFormed,
    ]);
    return rows.map(toRecord);
  },
  /** Deletes the files these customers uploaded and every file of their conversations; answers their storage keys. */
  async removeForCustomers(sql: Sql, workspaceId: string, customerIds: string[]): Promise<string[]> {
    const rows = await sql.query<{ storageKey: string }>(
      `delete from attachments a where a.workspace_id = $1 and (
         (a.uploaded_by_kind = 'customer' and a.uploaded_by = any($2::uuid[]))
         or a.conversation_id in (select id from conversations where workspace_id = $1 and customer_id = any($2::uuid[])))
       returning a.storage_key as "storageKey"`,
      [workspaceId, customerIds],
    );
    return rows.map((r) => r.storageKey);
  },
  /**
   * Marks each attachment as carried by its entry, if nothing carries it yet; answers the ids it marked, so the caller
   * sees one sent twice at once.
   */
  async bind(
    sql: Sql,
    items: Array<{ workspaceId: string; id: string; entryId: string; conversationId: string }>,
  ): Promise<string[]> {
    if (!items.length) return [];
    const rows = await sql.query<{ id: string }>(
      `update attachments a set entry_id = u.entry_id, conversation_id = u.conversation_id
       from unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::uuid[]) as u(workspace_id, id, entry_id, conversation_id)
       where a.workspace_id = u.workspace_id and a.id = u.id and a.entry_id is null
       returning a.id`,
      [items.map((i) => i.workspaceId), items.map((i) => i.id), items.map((i) => i.entryId), items.map((i) => i.conversationId)],
    );
    return rows.map((r) => r.id);
  },
};
