-- The store counter as a channel: locations (a store with its hours, services and the staff who work there) and
-- their walk-in queue. A walk-in is a ticket (a short code, a secret token for the customer's "your turn" page) on a
-- conversation of channel in_person, so the visit is on the customer's timeline like a chat or a call.
create table locations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  slug text not null unique,
  name text not null,
  address text not null default '',
  timezone text not null,
  opening_hours jsonb not null,
  holidays jsonb not null default '[]',
  ticket_seq int not null default 0,
  created_at timestamptz not null default now()
);
create index locations_workspace on locations (workspace_id, name);

create table location_services (
  id uuid primary key default gen_random_uuid(),
  location_id uuid not null references locations(id) on delete cascade,
  name text not null,
  typical_minutes int not null check (typical_minutes between 1 and 240),
  position int not null,
  retired_at timestamptz
);
create index location_services_location on location_services (location_id, position);

create table location_staff (
  location_id uuid not null references locations(id) on delete cascade,
  agent_id uuid not null references agents(id) on delete cascade,
  primary key (location_id, agent_id)
);

create table walk_ins (
  id uuid primary key default gen_random_uuid(),
  -- Arrival order, when two check-ins share an instant.
  arrival bigint generated always as identity,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  location_id uuid not null references locations(id) on delete cascade,
  conversation_id uuid not null references conversations(id) on delete cascade,
  customer_id uuid not null references customers(id) on delete cascade,
  service_id uuid not null references location_services(id),
  client_id uuid not null,
  code text not null,
  name text not null,
  notify_by text check (notify_by in ('sms', 'email')),
  via text not null check (via in ('kiosk', 'phone')),
  status text not null default 'waiting' check (status in ('waiting', 'away', 'called', 'served', 'no_show', 'cancelled')),
  checked_in_at timestamptz not null,
  away_until timestamptz,
  called_at timestamptz,
  called_by uuid references agents(id) on delete set null,
  ended_at timestamptz,
  unique (location_id, client_id)
);
-- The live line of a location, in order of arrival.
create index walk_ins_line on walk_ins (location_id, checked_in_at, arrival) where status in ('waiting', 'away', 'called');
