-- Files sent in conversations. The bytes live in the file storage (core/storage: the data directory's disk, or an
-- S3-compatible bucket) under `storage_key`, a random key Warmline made; this row says what they are and whose.
-- An upload waits here, carried by no entry yet, until its uploader sends it with a message (appendEntries binds it).
create table attachments (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  storage_key text not null unique,
  content_type text not null,
  byte_size int not null check (byte_size > 0),
  name text not null,
  uploaded_by_kind text not null check (uploaded_by_kind in ('agent', 'customer')),
  uploaded_by uuid not null,
  -- An agent uploads into a conversation they may see; a customer's upload is bound to theirs when sent.
  conversation_id uuid references conversations(id) on delete cascade,
  entry_id bigint references entries(id) on delete cascade,
  created_at timestamptz not null default now()
);
create index attachments_workspace on attachments (workspace_id, id);
create index attachments_entry on attachments (entry_id) where entry_id is not null;

-- What an entry carries, as shown (id, name, type, size), written with the entry in the one storage path.
alter table entries add column attachments jsonb;

-- Photos stored from now on keep their bytes in the file storage too; rows stored before keep theirs here and are
-- still served from here.
alter table files alter column bytes drop not null;
