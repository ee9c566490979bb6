-- In-browser calls from the widget to a named person. A call belongs to a conversation; it rings one person at a
-- time (routing's choice), and exactly one answer wins: the answer is a conditional update of a ringing row.
create table calls (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  conversation_id uuid not null references conversations(id) on delete cascade,
  customer_id uuid not null references customers(id) on delete cascade,
  status text not null default 'ringing' check (status in ('ringing', 'answered', 'ended')),
  outcome text check (outcome in ('completed', 'missed', 'declined', 'cancelled', 'failed')),
  ringing_agent_id uuid references agents(id) on delete set null,
  -- Everyone rung so far (declined or not answering in time): the next ring goes to someone else.
  tried_agent_ids uuid[] not null default '{}',
  answered_by uuid references agents(id) on delete set null,
  -- The sockets that carry the call's signalling: the customer's that placed it and the agent's that answered.
  customer_socket text not null,
  agent_socket text,
  on_hold boolean not null default false,
  -- A warm transfer on offer: the colleague reads the handoff note, then joins; the call is theirs from then.
  transfer_to uuid references agents(id) on delete set null,
  transfer_note text,
  placed_at timestamptz not null,
  rang_at timestamptz,
  answered_at timestamptz,
  ended_at timestamptz,
  wrap_up text,
  check ((status = 'ended') = (outcome is not null))
);
-- One live call per conversation: a second "Call us" while one rings joins nothing, it is refused.
create unique index calls_live_per_conversation on calls (conversation_id) where status <> 'ended';
create index calls_live_by_agent on calls (workspace_id, ringing_agent_id) where status <> 'ended';
create index calls_by_conversation on calls (workspace_id, conversation_id, placed_at);
