import type { Sql } from '../../../core/db/client.ts';

export interface CustomerNoteRecord {
  id: string;
  customerId: string;
  body: string;
  authorId: string | null;
  authorName: string | null;
  authorAvatarUrl: string | null;
  createdAt: Date;
}

const columns = `n.id, n.customer_id as "customerId", n.body, n.author_id as "authorId", a.display_name as "authorName",
  a.avatar_url as "authorAvatarUrl", n.created_at as "createdAt"`;

/** Internal notes about a person (not about one conversation): "prefers a call after 5pm". */
export const customerNotes = {
  async add(
    sql: Sql,
    workspaceId: string,
    input: { customerId: string; authorId: string; body: string },
  ): Promise<CustomerNoteRecord> {
    const [row] = await sql.query<{ id: string }>(
      'insert into customer_notes (workspace_id, customer_id, author_id, body) values ($1, $2, $3, $4) returning id',
      [workspaceId, input.customerId, input.authorId, input.body],
    );
    const [note] = await sql.query<CustomerNoteRecord>(
      `select ${columns} from customer_notes n left join agents a on a.id = n.author_id where n.id = $1`,
      [row!.id],
    );
    return note!;
  },
  async forCustomer(sql: Sql, workspaceId: string, customerId: string, limit: number): Promise<CustomerNoteRecord[]> {
    return sql.query<CustomerNoteRecord>(
      `select ${columns} from customer_notes n left join agents a on a.id = n.author_id
       where n.workspace_id = $1 and n.customer_id = $2 order by n.created_at desc, n.id limit $3`,
      [workspaceId, customerId, limit],
    );
  },
};
