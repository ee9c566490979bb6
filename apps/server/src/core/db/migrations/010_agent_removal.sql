-- An admin removes someone who left: their row stays (what they wrote keeps their name), marked removed. Only
-- people still here hold an email, so a removed person's address can be invited again.
alter table agents add column removed_at timestamptz;
drop index agents_email;
create unique index agents_email on agents (lower(email)) where removed_at is null;
