-- Time-to-human targets per channel for each team: a phone call is late after a minute, an email after hours.
-- `target_seconds` stays the chat target.
alter table teams add column channel_targets jsonb not null default '{}';
