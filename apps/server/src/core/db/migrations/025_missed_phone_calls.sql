-- Calls on the phone line that no person answered, as the SIP proxy reports them: nobody was on the line, nobody
-- answered in time, or the caller hung up while it rang. One row per SIP Call-ID, so a report sent twice books one
-- callback; the conversation it went to (none for a withheld number) and the callback it booked, if any.
create table missed_phone_calls (
  workspace_id uuid not null references workspaces(id) on delete cascade,
  sip_call_id text not null,
  reason text not null check (reason in ('nobody_on_line', 'not_answered', 'caller_hung_up')),
  number text,
  conversation_id uuid references conversations(id) on delete set null,
  callback_id uuid references callbacks(id) on delete set null,
  missed_at timestamptz not null,
  primary key (workspace_id, sip_call_id)
);
