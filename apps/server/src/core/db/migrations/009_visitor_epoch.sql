-- A customer's visitor tokens carry the epoch they were issued in; raising it ends every token issued before
-- (erasure, or a merge that must not hand an unverified visitor the merged record).
alter table customers add column visitor_epoch int not null default 0;
