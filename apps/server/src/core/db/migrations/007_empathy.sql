-- Empathy assist: the conversation's current mood, alerts for supervisors, and service recovery.

alter table conversations add column mood text;

create table alerts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  conversation_id uuid not null references conversations(id) on delete cascade,
  kind text not null check (kind in ('mood_drop', 'upset_streak', 'upset_waiting', 'follow_up_due')),
  text text not null,
  -- For a follow-up: the person it is for (everyone supervising sees it too).
  agent_id uuid references agents(id) on delete set null,
  created_at timestamptz not null default now(),
  acknowledged_at timestamptz,
  acknowledged_by uuid references agents(id) on delete set null
);
create index alerts_open on alerts (workspace_id, created_at desc) where acknowledged_at is null;
create index alerts_conversation on alerts (conversation_id, kind, created_at desc);

create table recoveries (
  conversation_id uuid primary key references conversations(id) on delete cascade,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  reason text not null,
  flagged_by uuid references agents(id) on delete set null,
  flagged_at timestamptz not null default now(),
  owner_id uuid references agents(id) on delete set null,
  acknowledged_at timestamptz,
  fixed_at timestamptz,
  fix_note text,
  compensation_at timestamptz,
  compensation_kind text check (compensation_kind in ('refund', 'credit', 'replacement', 'discount', 'gift', 'none')),
  compensation_value_cents int,
  compensation_currency text,
  compensation_note text,
  follow_up_at timestamptz,
  follow_up_note text,
  follow_up_reminded_at timestamptz,
  followed_up_at timestamptz
);
create index recoveries_workspace on recoveries (workspace_id, flagged_at desc);
