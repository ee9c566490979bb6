-- How customers were made to feel. After a conversation is resolved its customer is asked once, on the channel they
-- used (survey_invitations: who was asked, where, in which language, until when; never twice in a workspace's quiet
-- days), and answers once (survey_responses: CSAT 1-5, CES 1-7 "made it easy", a feeling word, a comment). The team
-- and the person who owned the conversation are copied on the answer so reports read one table.
alter table workspaces
  add column surveys_enabled boolean not null default true,
  add column survey_quiet_days int not null default 30 check (survey_quiet_days between 0 and 365);

create table survey_invitations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  conversation_id uuid not null references conversations(id) on delete cascade,
  customer_id uuid not null references customers(id) on delete cascade,
  channel text not null check (channel in ('chat', 'email', 'phone', 'sms', 'in_person', 'api')),
  language text not null default 'en' check (language in ('en', 'sw', 'es')),
  asked_at timestamptz not null default now(),
  expires_at timestamptz not null,
  unique (conversation_id)
);
create index survey_invitations_customer on survey_invitations (workspace_id, customer_id, asked_at desc);

create table survey_responses (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  conversation_id uuid not null references conversations(id) on delete cascade,
  customer_id uuid not null references customers(id) on delete cascade,
  team_id uuid references teams(id) on delete set null,
  agent_id uuid references agents(id) on delete set null,
  channel text not null check (channel in ('chat', 'email', 'phone', 'sms', 'in_person', 'api')),
  csat smallint check (csat between 1 and 5),
  ces smallint check (ces between 1 and 7),
  feeling text check (feeling in ('angry', 'frustrated', 'anxious', 'confused', 'sad', 'grateful', 'delighted', 'neutral')),
  comment text check (char_length(comment) <= 2000),
  answered_at timestamptz not null default now(),
  unique (conversation_id),
  check (csat is not null or ces is not null or feeling is not null or comment is not null)
);
create index survey_responses_period on survey_responses (workspace_id, answered_at);
