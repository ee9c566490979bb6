-- Human-first routing: teams, capacity, skills and languages; the queue's priority inputs; continuity;
-- warm transfers; callbacks; durable jobs; time-to-human targets.

alter table workspaces
  add column timezone text not null default 'UTC',
  -- Opening hours per weekday (mon … sun) as ["HH:MM", "HH:MM"], or null when closed. Callbacks must fall inside.
  add column opening_hours jsonb not null default
    '{"mon":["09:00","17:00"],"tue":["09:00","17:00"],"wed":["09:00","17:00"],"thu":["09:00","17:00"],"fri":["09:00","17:00"],"sat":null,"sun":null}',
  add column idle_away_minutes int not null default 10,
  add column presence_grace_seconds int not null default 60;

create table teams (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  name text not null,
  target_seconds int not null default 120,
  offer_choices_after_seconds int not null default 300,
  continuity_grace_seconds int not null default 120,
  created_at timestamptz not null default now(),
  unique (workspace_id, name)
);

create table team_members (
  workspace_id uuid not null references workspaces(id) on delete cascade,
  team_id uuid not null references teams(id) on delete cascade,
  agent_id uuid not null references agents(id) on delete cascade,
  primary key (team_id, agent_id)
);
create index team_members_agent on team_members (agent_id);

alter table agents
  add column capacity jsonb not null default '{"chat":3,"email":10,"phone":1}',
  add column skills text[] not null default '{}',
  add column languages text[] not null default '{en}',
  add column last_assigned_at timestamptz;

alter table customers
  add column owner_agent_id uuid references agents(id) on delete set null;

alter table conversations
  add column team_id uuid references teams(id) on delete set null,
  add column language text,
  add column skills text[] not null default '{}',
  add column upset boolean not null default false,
  add column service_failure boolean not null default false,
  add column escalated_at timestamptz,
  add column queue_since timestamptz not null default now(),
  add column transfers int not null default 0,
  add column pending_transfer jsonb,
  -- Continuity: held for this person until the grace time ends.
  add column preferred_agent_id uuid references agents(id) on delete set null,
  add column preferred_reason text,
  add column preferred_until timestamptz,
  add column preferred_since timestamptz;
create index conversations_waiting on conversations (workspace_id, status, assignee_id, priority desc, queue_since);

create table callbacks (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  conversation_id uuid not null references conversations(id) on delete cascade,
  phone text not null,
  window_start timestamptz not null,
  window_end timestamptz not null,
  owner_id uuid references agents(id) on delete set null,
  status text not null default 'scheduled' check (status in ('scheduled', 'due', 'done', 'cancelled')),
  created_at timestamptz not null default now()
);
create index callbacks_conversation on callbacks (workspace_id, conversation_id, created_at desc);

-- Durable timers: each due job is taken by exactly one runner (row lock, skip locked) and done once.
create table jobs (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  kind text not null,
  run_at timestamptz not null,
  payload jsonb not null default '{}',
  status text not null default 'pending' check (status in ('pending', 'done', 'failed')),
  attempts int not null default 0,
  last_error text,
  done_at timestamptz,
  created_at timestamptz not null default now()
);
create index jobs_due on jobs (status, run_at) where status = 'pending';
