-- One customer, one story: identities that resolve to a person, organizations and households,
-- typed custom attributes, notes, audited merges, erasure, and full-text search.

alter table workspaces
  -- Signs website users for identity verification (HMAC-SHA256 of the user id).
  add column identity_secret text not null
    default replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''),
  -- ISO 3166 country for phone numbers written without a +country code; null: only +… numbers.
  add column phone_country text;

alter table teams
  -- A restricted team's conversations are seen only by its members, supervisors and admins.
  add column restricted boolean not null default false;

alter table customers
  add column phone text,
  add column attributes jsonb not null default '{}',
  -- Set when an agent merged this customer into another; the row stays so the merge can be undone.
  add column merged_into uuid references customers(id) on delete set null,
  add column erased_at timestamptz;
create index customers_search on customers
  using gin (to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')));
create index customers_owner on customers (workspace_id, owner_agent_id);

-- The same email may sit on two customers (one verified, one only typed into the widget: "possibly the
-- same person"), but a proven contact point belongs to exactly one.
alter table identities drop constraint identities_workspace_id_kind_value_key;
create unique index identities_verified on identities (workspace_id, kind, value) where verified;
create unique index identities_per_customer on identities (customer_id, kind, value);
create index identities_lookup on identities (workspace_id, kind, value text_pattern_ops);

create table organizations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  name text not null,
  kind text not null default 'business' check (kind in ('business', 'household')),
  owner_agent_id uuid references agents(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organizations_workspace on organizations (workspace_id, lower(name), id);

create table organization_members (
  workspace_id uuid not null references workspaces(id) on delete cascade,
  organization_id uuid not null references organizations(id) on delete cascade,
  customer_id uuid not null references customers(id) on delete cascade,
  role text not null check (role in ('decision_maker', 'buyer', 'user', 'beneficiary', 'other')),
  created_at timestamptz not null default now(),
  primary key (organization_id, customer_id)
);
create index organization_members_customer on organization_members (customer_id);

create table attribute_definitions (
  workspace_id uuid not null references workspaces(id) on delete cascade,
  key text not null,
  label text not null,
  type text not null check (type in ('text', 'number', 'date', 'boolean', 'choice')),
  choices text[] not null default '{}',
  created_at timestamptz not null default now(),
  primary key (workspace_id, key)
);

create table customer_notes (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  customer_id uuid not null references customers(id) on delete cascade,
  author_id uuid references agents(id) on delete set null,
  body text not null,
  created_at timestamptz not null default now()
);
create index customer_notes_customer on customer_notes (customer_id, created_at desc);

-- What a merge moved, so that undoing it puts every row back where it was.
create table customer_merges (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  target_id uuid not null references customers(id) on delete cascade,
  source_id uuid not null references customers(id) on delete cascade,
  moved jsonb not null,
  merged_by uuid references agents(id) on delete set null,
  merged_at timestamptz not null default now(),
  undone_by uuid references agents(id) on delete set null,
  undone_at timestamptz
);
create index customer_merges_target on customer_merges (target_id, merged_at desc);

create table audit_log (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  actor_id uuid references agents(id) on delete set null,
  action text not null,
  subject_type text not null,
  subject_id text not null,
  data jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index audit_log_workspace on audit_log (workspace_id, created_at desc);

-- Conversation text, searchable as an agent types (prefix queries over 'simple': any language).
create index entries_search on entries using gin (to_tsvector('simple', body)) where kind in ('message', 'note');
create index entries_conversation_time on entries (conversation_id, created_at desc);
