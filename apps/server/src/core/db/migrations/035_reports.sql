-- Reports read a period's conversations by the day they started (modules/reports): by workspace and start.
create index conversations_started on conversations (workspace_id, started_at);
