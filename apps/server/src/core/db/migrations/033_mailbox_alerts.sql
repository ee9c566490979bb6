-- A mailbox read by IMAP that stops working (its password changed, its server gone) raises an alert for the
-- supervisors and admins. Such an alert is about the mailbox, not about a conversation.
alter table alerts alter column conversation_id drop not null;
alter table alerts add column mailbox text;
alter table alerts add constraint alerts_about check (conversation_id is not null or mailbox is not null);
-- One open alert per failing mailbox: a failure repeated at every try, on any node, is told once.
create unique index alerts_mailbox_open on alerts (workspace_id, mailbox) where mailbox is not null and acknowledged_at is null;
