-- A callback that rings: each try is counted, a try nobody answers moves the promise to the next window (at most
-- CALLBACK_MAX_TRIES tries), and it ends as reached (done), not reached after the last try, or a wrong number.
alter table callbacks add column tries integer not null default 0;
alter table callbacks drop constraint callbacks_status_check;
alter table callbacks add constraint callbacks_status_check
  check (status in ('scheduled', 'due', 'done', 'cancelled', 'not_reached', 'wrong_number'));
