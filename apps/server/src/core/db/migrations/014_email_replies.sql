-- Replies by email: where a conversation's replies go when the customer left a message, the promise's outcome,
-- and each outbound email's delivery state on its timeline entry.

-- The address the customer left for a reply ("leave a message"); cleared when they write in the chat again.
alter table conversations add column reply_email text;
-- The promised reply time's outcome: kept by the first reply, or missed when its time passed first.
alter table conversations add column promise_kept_at timestamptz;
alter table conversations add column promise_missed_at timestamptz;

-- An outbound email entry's delivery: {"status": "pending" | "sent" | "failed", "to", "error", "at", "attempts"}.
alter table entries add column delivery jsonb;

-- Alert kinds are the application's list (AlertKind in packages/shared): a promise missed is one more.
alter table alerts drop constraint if exists alerts_kind_check;
