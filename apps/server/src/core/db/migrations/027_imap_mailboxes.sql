-- Mailboxes read by IMAP (INBOUND_IMAP_MAILBOXES): who reads each one now, and how it went last, for the admin.
-- A row per mailbox name (`user@host:port/mailbox`, never the password), written by the nodes that read mail.
create table imap_mailboxes (
  name text primary key,
  workspace_id uuid references workspaces (id) on delete cascade,
  -- The node reading it, until lease_until: one reader at a time across the cluster; a silent holder's lease lapses.
  holder text,
  lease_until timestamptz,
  -- 'reading' (connected, taking mail), 'sign_in_refused' (the password stopped working), 'unreachable'.
  status text not null default 'reading' check (status in ('reading', 'sign_in_refused', 'unreachable')),
  problem text,
  checked_at timestamptz,
  -- When it last went wrong, so the admin is told once per failure, not once per try.
  failing_since timestamptz
);
create index imap_mailboxes_workspace on imap_mailboxes (workspace_id);
