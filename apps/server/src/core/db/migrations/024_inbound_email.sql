-- Inbound email: every email the SMTP receiver accepted, kept as it arrived, with what threading and duplicate
-- delivery need of it. The message it became on the timeline is an ordinary entry (channel 'email').
create table inbound_emails (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  -- The email's Message-ID, or, when it has none, a digest of its sender and content: one email, one message.
  dedupe_key text not null,
  message_id text,
  conversation_id uuid references conversations (id) on delete cascade,
  entry_id bigint,
  customer_id uuid references customers (id) on delete set null,
  -- The sender as the From header gave it (lower case), or the envelope's when the email could not be read.
  sender text not null,
  subject text,
  -- The HTML part, sanitised (never the raw HTML), for a sandboxed view later.
  html text,
  -- Why this email is treated with care: 'unreadable: …', 'auto_reply', 'loop', 'forged_thread' …
  flags text[] not null default '{}',
  automatic boolean not null default false,
  raw bytea not null,
  received_at timestamptz not null default now(),
  unique (workspace_id, dedupe_key)
);
-- Threading: an answer's In-Reply-To / References name earlier emails of the conversation.
create index inbound_emails_message_id on inbound_emails (workspace_id, message_id) where message_id is not null;
create index inbound_emails_conversation on inbound_emails (conversation_id);
-- A sender's recent emails: the loop rate and the customer an unverified address wrote as before.
create index inbound_emails_sender on inbound_emails (workspace_id, sender, received_at);
-- An email reply's thread reads the Message-IDs of the customer's emails by their entries.
create index inbound_emails_entry on inbound_emails (entry_id) where entry_id is not null;
