-- Files Warmline serves itself (agents' photos): the bytes live here, under a random key that is the file's whole
-- address. Only images whose bytes were recognised are stored, with the type those bytes say.
create table files (
  key text primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  content_type text not null,
  byte_size int not null check (byte_size > 0),
  original_name text not null,
  bytes bytea not null,
  created_at timestamptz not null default now()
);
create index files_workspace on files (workspace_id);
-- Images are compressed already: stored out of line without another attempt at it.
alter table files alter column bytes set storage external;
