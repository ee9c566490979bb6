import type { Sql } from '../../../core/db/client.ts';

/** An email the SMTP receiver accepted, as kept (migration 024). */
export interface InboundEmailRow {
  workspaceId: string;
  dedupeKey: string;
  messageId: string | null;
  sender: string;
  subject: string | null;
  html: string | null;
  flags: string[];
  automatic: boolean;
  raw: Buffer;
}

/** Inbound emails: kept as they arrived, one per Message-ID (or sender and content), linked to their entry. */
export const inboundEmails = {
  /** Keeps the email; null when the same one was kept before (a second delivery), which is then left alone. */
  async keep(sql: Sql, row: InboundEmailRow): Promise<string | null> {
    const [kept] = await sql.query<{ id: string }>(
      `insert into inbound_emails (workspace_id, dedupe_key, message_id, sender, subject, html, flags, automatic, raw)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (workspace_id, dedupe_key) do nothing returning id::text as id`,
      [row.workspaceId, row.dedupeKey, row.messageId, row.sender, row.subject, row.html, row.flags, row.automatic, row.raw],
    );
    return kept?.id ?? null;
  },
  /** Where a kept email went: its conversation, entry and customer, and the flags it carries by then. */
  async link(
    sql: Sql,
    workspaceId: string,
    id: string,
    to: { conversationId: string | null; entryId: string | null; customerId: string | null; flags: string[] },
  ): Promise<void> {
    await sql.query(
      `update inbound_emails set conversation_id = $3, entry_id = $4::bigint, customer_id = $5, flags = $6
       where workspace_id = $1 and id = $2::bigint`,
      [workspaceId, id, to.conversationId, to.entryId, to.customerId, to.flags],
    );
  },
  /** The conversations earlier emails with these Message-IDs went to (an answer's In-Reply-To and References). */
  async conversationsOf(sql: Sql, workspaceId: string, messageIds: string[]): Promise<string[]> {
    if (!messageIds.length) return [];
    const rows = await sql.query<{ conversationId: string }>(
      `select distinct conversation_id as "conversationId" from inbound_emails
       where workspace_id = $1 and message_id = any($2::text[]) and conversation_id is not null`,
      [workspaceId, messageIds],
    );
    return rows.map((r) => r.conversationId);
  },
  /**
   * The customer this address last wrote in as, on an email not flagged as forged: who an unproven sender is (the
   * customer they were merged into, when an agent merged them since).
   */
  async customerLastFrom(sql: Sql, workspaceId: string, sender: string): Promise<string | null> {
    const [row] = await sql.query<{ customerId: string }>(
      `select now_.id as "customerId" from inbound_emails e join customers c on c.id = e.customer_id
         join customers now_ on now_.id = coalesce(c.merged_into, c.id)
       where e.workspace_id = $1 and e.sender = $2 and not ('forged_thread' = any(e.flags))
         and now_.merged_into is null and now_.erased_at is null
       order by e.received_at desc, e.id desc limit 1`,
      [workspaceId, sender],
    );
    return row?.customerId ?? null;
  },
  /** How many emails this address sent since `since`: the loop rate. */
  async countFrom(sql: Sql, workspaceId: string, sender: string, since: Date): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      'select count(*)::int as n from inbound_emails where workspace_id = $1 and sender = $2 and received_at >= $3',
      [workspaceId, sender, since],
    );
    return row?.n ?? 0;
  },
  /** The email an entry of this conversation was made from, as kept: what an agent opens to see it as it was written. */
  async ofEntry(sql: Sql, workspaceId: string, conversationId: string, seq: number): Promise<{ raw: Buffer } | null> {
    const [row] = await sql.query<{ raw: Buffer }>(
      `select i.raw from inbound_emails i join entries e on e.id = i.entry_id
       where i.workspace_id = $1 and i.conversation_id = $2 and e.conversation_id = $2 and e.seq = $3`,
      [workspaceId, conversationId, seq],
    );
    return row ?? null;
  },
  /** Whether an address already wrote into this conversation (an answer from it belongs there). */
  async wroteTo(sql: Sql, workspaceId: string, conversationId: string, sender: string): Promise<boolean> {
    const rows = await sql.query(
      `select 1 from inbound_emails where workspace_id = $1 and conversation_id = $2 and sender = $3
         and not ('forged_thread' = any(flags)) limit 1`,
      [workspaceId, conversationId, sender],
    );
    return rows.length > 0;
  },
};

/**
 * The workspace of a conversation named by a reply token. The one lookup without a workspace id: the caller has
 * checked the token's signature first, so the id is one this server issued.
 */
export async function workspaceOfSignedConversation(sql: Sql, conversationId: string): Promise<string | null> {
  const [row] = await sql.query<{ workspaceId: string }>(
    'select workspace_id as "workspaceId" from conversations where id = $1',
    [conversationId],
  );
  return row?.workspaceId ?? null;
}
