import type { Sql } from '../../../core/db/client.ts';

/** How a mailbox read by IMAP went last (migration 027). */
export type ImapMailboxStatus = 'reading' | 'sign_in_refused' | 'unreachable';

/** A mailbox's row: who reads it, and how it went last. */
export interface ImapMailboxRow {
  name: string;
  status: ImapMailboxStatus;
  problem: string | null;
  checkedAt: Date | null;
  failingSince: Date | null;
  /** Whether a node holds it right now. */
  held: boolean;
}

/** Mailboxes read by IMAP: one reader at a time by lease, and their last state for the admin. */
export const imapMailboxes = {
  /**
   * Takes the mailbox for `holder`, or renews its lease: true while it is this node's to read. Another node's lease is
   * taken only once it has lapsed (that node died or lost the database), so two nodes never read one mailbox at once.
   */
  async lease(sql: Sql, input: { name: string; workspaceId: string | null; holder: string; seconds: number }): Promise<boolean> {
    const rows = await sql.query(
      `insert into imap_mailboxes (name, workspace_id, holder, lease_until)
       values ($1, $2, $3, now() + $4 * interval '1 second')
       on conflict (name) do update set holder = excluded.holder, lease_until = excluded.lease_until,
         workspace_id = excluded.workspace_id
       where imap_mailboxes.holder = excluded.holder or imap_mailboxes.holder is null or imap_mailboxes.lease_until < now()
       returning name`,
      [input.name, input.workspaceId, input.holder, input.seconds],
    );
    return rows.length > 0;
  },
  /** Lets the mailbox go, if `holder` still has it, so another node may take it at once. */
  async release(sql: Sql, name: string, holder: string): Promise<void> {
    await sql.query('update imap_mailboxes set holder = null, lease_until = null where name = $1 and holder = $2', [
      name,
      holder,
    ]);
  },
  /**
   * Records how the mailbox went. True when this is news for the admin: it starts failing, or fails another way; a
   * failure repeated at every try is told once.
   */
  async record(sql: Sql, name: string, status: ImapMailboxStatus, problem: string | null): Promise<boolean> {
    const [row] = await sql.query<{ news: boolean }>(
      `with old as (select name, status, failing_since from imap_mailboxes where name = $1 for update)
       update imap_mailboxes m set status = $2, problem = $3, checked_at = now(),
         failing_since = case when $2 = 'reading' then null else coalesce(m.failing_since, now()) end
       from old where m.name = old.name
       returning ($2 <> 'reading' and (old.failing_since is null or old.status <> $2)) as news`,
      [name, status, problem],
    );
    return row?.news ?? false;
  },
  /** The workspace's mailboxes as last seen. */
  async ofWorkspace(sql: Sql, workspaceId: string): Promise<ImapMailboxRow[]> {
    return sql.query<ImapMailboxRow>(
      `select name, status, problem, checked_at as "checkedAt", failing_since as "failingSince",
              (holder is not null and lease_until > now()) as held
       from imap_mailboxes where workspace_id = $1 order by name`,
      [workspaceId],
    );
  },
};
