-- A team may keep hours of its own (a store, an evening shift): its time zone, weekly opening hours and holidays, as
-- one value ({timezone, openingHours, holidays}). Null: the team follows the workspace's.
alter table teams add column hours jsonb;
