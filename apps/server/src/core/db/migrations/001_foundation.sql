-- The foundation: workspaces, agents and their sessions, customers, conversations and their timelines.

create table instance (
  id int primary key default 1 check (id = 1),
  secret_key text not null,
  created_at timestamptz not null default now()
);

create table workspaces (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  key text not null unique,
  greeting text not null default 'Hi! Ask us anything — a real person will answer.',
  -- Origins allowed to embed the widget; empty means any.
  allowed_origins text[] not null default '{}',
  reply_promise_minutes int not null default 240,
  created_at timestamptz not null default now()
);

create table agents (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  email text not null,
  display_name text not null,
  avatar_url text,
  role text not null check (role in ('agent', 'supervisor', 'admin')),
  password_hash text not null,
  presence text not null default 'offline' check (presence in ('available', 'busy', 'away', 'offline')),
  presence_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now()
);
-- One account per email on an instance: sign-in needs no workspace picker.
create unique index agents_email on agents (lower(email));
create index agents_workspace on agents (workspace_id, presence);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  agent_id uuid not null references agents(id) on delete cascade,
  token_hash text not null unique,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

create table invitations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  token_hash text not null unique,
  email text,
  role text not null check (role in ('agent', 'supervisor', 'admin')),
  invited_by uuid references agents(id) on delete set null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  created_at timestamptz not null default now()
);

create table customers (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  name text,
  email text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index customers_workspace on customers (workspace_id, created_at);

create table identities (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  customer_id uuid not null references customers(id) on delete cascade,
  kind text not null check (kind in ('visitor', 'email', 'phone', 'external')),
  value text not null,
  verified boolean not null default false,
  created_at timestamptz not null default now(),
  unique (workspace_id, kind, value)
);
create index identities_customer on identities (customer_id);

create table conversations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  customer_id uuid not null references customers(id) on delete cascade,
  status text not null default 'waiting'
    check (status in ('waiting', 'active', 'pending_customer', 'snoozed', 'resolved')),
  channel text not null default 'chat',
  assignee_id uuid references agents(id) on delete set null,
  priority int not null default 0,
  last_seq int not null default 0,
  last_message_body text,
  last_message_direction text,
  last_message_at timestamptz,
  promised_reply_by timestamptz,
  customer_read_seq int not null default 0,
  agent_read_seq int not null default 0,
  started_at timestamptz not null default now(),
  human_connected_at timestamptz,
  first_response_at timestamptz,
  resolved_at timestamptz,
  updated_at timestamptz not null default now()
);
create index conversations_queue on conversations (workspace_id, status, started_at);
create index conversations_assignee on conversations (workspace_id, assignee_id, status);
create index conversations_customer on conversations (workspace_id, customer_id, updated_at desc);
create index conversations_recent on conversations (workspace_id, updated_at desc, id);

create table entries (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  conversation_id uuid not null references conversations(id) on delete cascade,
  seq int not null,
  kind text not null check (kind in ('message', 'note', 'event')),
  direction text check (direction in ('in', 'out')),
  channel text,
  body text not null default '',
  client_id uuid,
  author_kind text not null check (author_kind in ('customer', 'agent', 'system')),
  author_id uuid,
  event_type text,
  event_data jsonb,
  created_at timestamptz not null default now(),
  unique (conversation_id, seq),
  unique (conversation_id, client_id)
);
