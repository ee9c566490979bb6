-- Search as an agent types, at a million messages (docs/BENCHMARKS.md, "Search").
-- The text of messages and notes is kept as a tsvector beside the body, so that testing a row for a match
-- is cheap when search reads the newest entries in id order, and so that ANALYZE gathers lexeme statistics
-- (it cannot for the expression of a partial index). The GIN index moves onto the column; each message is
-- still parsed once when it is written. Erasure rewrites `body`, which rewrites the vector with it. Without
-- positions (strip), a third smaller: search matches words and their beginnings, never phrases.
alter table entries add column search_vector tsvector
  generated always as (case when kind in ('message', 'note') then strip(to_tsvector('simple', body)) end) stored;

drop index entries_search;
-- A small pending list: every search that asks the index reads all of it.
create index entries_search on entries using gin (search_vector) with (gin_pending_list_limit = 256)
  where search_vector is not null;

-- A customer's searchable text: the customers_search index expression (CUSTOMER_SEARCH_VECTOR in
-- repositories/customers.ts) without positions, kept so that the newest customers are tested without parsing each.
alter table customers add column search_vector tsvector generated always as
  (strip(to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')))) stored;
