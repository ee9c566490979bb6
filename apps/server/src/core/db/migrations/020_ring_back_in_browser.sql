-- A callback the customer asked to take in their browser: when it falls due, its owner rings the widget (an
-- outbound call) rather than a phone; the number stays as the way to reach them when the page is closed.
alter table callbacks add column in_browser boolean not null default false;
-- Calls now go both ways. An outbound call (ringing a customer back) is placed from an agent's socket and rings the
-- customer's widget: it has no customer socket until one of their tabs answers.
alter table calls add column direction text not null default 'inbound' check (direction in ('inbound', 'outbound'));
alter table calls add column callback_id uuid references callbacks(id) on delete set null;
alter table calls alter column customer_socket drop not null;
