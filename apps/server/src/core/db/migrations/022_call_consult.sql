-- The consult leg of a warm transfer: the colleague offered a call talks with the person on it first, browser to
-- browser, while the customer waits on hold. Its signalling runs between the call's agent socket and this one.
alter table calls add column consult_socket text;
alter table calls add column consult_started_at timestamptz;
alter table calls add constraint calls_consult_whole check ((consult_socket is null) = (consult_started_at is null));
