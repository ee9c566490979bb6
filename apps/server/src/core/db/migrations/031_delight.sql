-- Moments of delight. An agent marks one on a customer's message, or Warmline suggests one (a message that reads
-- delighted or strongly grateful, a survey answer of 5 out of 5, a delighted feeling or a warm comment) for a person
-- to keep or dismiss. The customer's words are copied when it is marked, so the wall reads one table; at most one
-- moment per message and per survey answer, so nothing is suggested twice (a dismissed one stays, as "not this one").
-- `agent_id` is the person it belongs to (who helped), `decided_by` who marked, kept or dismissed it.
create table delight_moments (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  team_id uuid references teams(id) on delete set null,
  conversation_id uuid not null references conversations(id) on delete cascade,
  entry_id bigint references entries(id) on delete cascade,
  survey_response_id uuid references survey_responses(id) on delete cascade,
  words text not null check (char_length(words) <= 2000),
  csat smallint check (csat between 1 and 5),
  feeling text,
  source text not null check (source in ('agent', 'message', 'survey')),
  status text not null check (status in ('suggested', 'kept', 'dismissed')),
  agent_id uuid references agents(id) on delete set null,
  decided_by uuid references agents(id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  check ((entry_id is null) <> (survey_response_id is null)),
  unique (entry_id),
  unique (survey_response_id)
);
create index delight_moments_wall on delight_moments (workspace_id, team_id, status, created_at desc);
create index delight_moments_conversation on delight_moments (conversation_id);

-- A team's wall (or, with no team, the wall of all teams) shared by a public, read-only link: the link is the share's
-- id signed with the instance's secret (nothing secret stored); revoking sets revoked_at and the link opens nothing
-- from then on. One open link per wall.
create table delight_wall_shares (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  team_id uuid references teams(id) on delete cascade,
  created_by uuid references agents(id) on delete set null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references agents(id) on delete set null
);
create unique index delight_wall_shares_open on delight_wall_shares (team_id) where revoked_at is null;
create unique index delight_wall_shares_open_all on delight_wall_shares (workspace_id) where team_id is null and revoked_at is null;
