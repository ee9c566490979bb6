-- Appointments at a location: a service at a time with a named person (chosen, or the one free when the customer
-- said "anyone"). Each appointment holds its person's 15-minute slots in appointment_slots, whose primary key makes
-- double booking impossible however many book at once. The visit it becomes is a walk-in called at the counter.
create table appointments (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  location_id uuid not null references locations(id) on delete cascade,
  service_id uuid not null references location_services(id),
  customer_id uuid not null references customers(id) on delete cascade,
  conversation_id uuid not null references conversations(id) on delete cascade,
  agent_id uuid not null references agents(id),
  any_person boolean not null default false,
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  name text not null,
  contact text,
  notify_by text check (notify_by in ('sms', 'email')),
  status text not null default 'booked' check (status in ('booked', 'started', 'cancelled')),
  client_id uuid not null,
  booked_by uuid references agents(id) on delete set null,
  created_at timestamptz not null default now(),
  unique (location_id, client_id)
);
create index appointments_location_day on appointments (location_id, starts_at) where status <> 'cancelled';
create index appointments_customer on appointments (workspace_id, customer_id, starts_at desc);

create table appointment_slots (
  agent_id uuid not null references agents(id) on delete cascade,
  slot_start timestamptz not null,
  appointment_id uuid not null references appointments(id) on delete cascade,
  primary key (agent_id, slot_start)
);
create index appointment_slots_appointment on appointment_slots (appointment_id);

alter table walk_ins add column appointment_id uuid references appointments(id) on delete set null;
