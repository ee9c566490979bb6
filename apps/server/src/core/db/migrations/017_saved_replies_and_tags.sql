-- Saved replies: a workspace's ready answers with placeholders ({{customer.first_name}}), optionally for one team's
-- members only, found in the composer by their shortcut; how often each is used is counted.
create table saved_replies (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  shortcut text not null,
  title text not null,
  body text not null,
  team_id uuid references teams(id) on delete cascade,
  uses integer not null default 0,
  last_used_at timestamptz,
  created_by uuid references agents(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index saved_replies_shortcut on saved_replies (workspace_id, shortcut);

-- Tags on conversations, kept normalised (lower case, trimmed) by the application; the inbox and reports filter by them.
alter table conversations add column tags text[] not null default '{}';
create index conversations_tags on conversations using gin (tags);
