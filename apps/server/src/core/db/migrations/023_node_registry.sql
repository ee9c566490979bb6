-- The nodes serving this Warmline now. Each beats every NODE_HEARTBEAT_SECONDS; one silent for
-- NODE_DEAD_AFTER_SECONDS is taken for dead (kill -9, a crash, a lost machine), and what its sockets carried is let
-- go as if they had closed (core/nodes/registry.ts). A clean shutdown removes its own row.
create table nodes (
  id uuid primary key,
  role text not null check (role in ('all', 'web', 'worker')),
  started_at timestamptz not null,
  last_seen_at timestamptz not null
);
create index nodes_by_last_seen on nodes (last_seen_at);
