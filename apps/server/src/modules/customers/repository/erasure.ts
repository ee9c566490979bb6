import type { Sql } from '../../../core/db/client.ts';

/**
 * Erasure's writes: every column that can carry a person's words, across the tables that hold them (the
 * conversation's text, a pending handoff note, callbacks, service recovery, alerts, emails received). One place, so that a new
 * column holding customer text has one place to be added.
 */
export const erasure = {
  /** The customer and everyone merged into them (the same person), locked. */
  async samePerson(sql: Sql, workspaceId: string, customerId: string): Promise<string[]> {
    const rows = await sql.query<{ id: string }>(
      `with recursive folded(id) as (select $2::uuid union select c.id from customers c join folded f on c.merged_into = f.id
         where c.workspace_id = $1)
       select c.id from customers c join folded f on f.id = c.id where c.workspace_id = $1 order by c.id for update of c`,
      [workspaceId, customerId],
    );
    return rows.map((r) => r.id);
  },

  /**
   * Locks their conversations before rewriting them: a message being stored on one commits first (and is
   * erased with the rest), and any later one waits for the erasure.
   */
  async lockConversations(sql: Sql, workspaceId: string, people: string[]): Promise<void> {
    await sql.query(
      'select id from conversations where workspace_id = $1 and customer_id = any($2::uuid[]) order by id for update',
      [workspaceId, people],
    );
  },

  /** Rewrites everything written in or about their conversations to `text`; returns how many entries changed. */
  async eraseWords(sql: Sql, workspaceId: string, people: string[], text: string): Promise<number> {
    const params = [workspaceId, people, text];
    const mine = 'c.workspace_id = $1 and c.customer_id = any($2::uuid[])';
    const [{ n }] = (await sql.query<{ n: number }>(
      `with changed as (
         update entries e set body = $3, client_id = null, attachments = null,
           event_data = case when e.kind = 'event' then '{}'::jsonb else e.event_data end
         from conversations c where c.id = e.conversation_id and ${mine}
         returning 1)
       select count(*)::int as n from changed`,
      params,
    )) as [{ n: number }];
    // The handoff note stays a handoff (who to whom, when) without what it said.
    await sql.query(
      `update conversations c set last_message_body = case when last_message_body is null then null else $3 end,
         pending_transfer = case when pending_transfer is null then null
           else pending_transfer || jsonb_build_object('note', $3::text, 'reason', null) end
       where ${mine}`,
      params,
    );
    await sql.query(`update callbacks b set phone = '' from conversations c where c.id = b.conversation_id and ${mine}`, [
      workspaceId,
      people,
    ]);
    await sql.query(
      `update missed_phone_calls m set number = null from conversations c where c.id = m.conversation_id and ${mine}`,
      [workspaceId, people],
    );
    await sql.query(
      `update recoveries r set reason = $3,
         fix_note = case when fix_note is null then null else $3 end,
         compensation_note = case when compensation_note is null then null else $3 end,
         follow_up_note = case when follow_up_note is null then null else $3 end
       from conversations c where c.id = r.conversation_id and r.workspace_id = $1 and ${mine}`,
      params,
    );
    await sql.query(
      `update alerts a set text = $3 from conversations c where c.id = a.conversation_id and a.workspace_id = $1 and ${mine}`,
      params,
    );
    // Their words kept as moments of delight go whole, from every wall.
    await sql.query(`delete from delight_moments d using conversations c where c.id = d.conversation_id and ${mine}`, [
      workspaceId,
      people,
    ]);
    // The emails they sent, kept as they arrived (raw, subject, sanitised HTML), go whole.
    await sql.query(
      `delete from inbound_emails i where i.workspace_id = $1
         and (i.customer_id = any($2::uuid[]) or i.conversation_id in (select c.id from conversations c where ${mine}))`,
      [workspaceId, people],
    );
    return n;
  },

  /** Their contact points, notes and memberships go; the customer rows keep only their shape. Returns identities removed. */
  async forgetPeople(sql: Sql, workspaceId: string, people: string[]): Promise<number> {
    const identities = await sql.query(
      'delete from identities where workspace_id = $1 and customer_id = any($2::uuid[]) returning 1',
      [workspaceId, people],
    );
    await sql.query('delete from customer_notes where workspace_id = $1 and customer_id = any($2::uuid[])', [
      workspaceId,
      people,
    ]);
    await sql.query('delete from organization_members where workspace_id = $1 and customer_id = any($2::uuid[])', [
      workspaceId,
      people,
    ]);
    await sql.query(
      `update customers set name = null, email = null, phone = null, attributes = '{}', erased_at = now(), updated_at = now(),
         visitor_epoch = visitor_epoch + 1
       where workspace_id = $1 and id = any($2::uuid[])`,
      [workspaceId, people],
    );
    return identities.length;
  },
};
