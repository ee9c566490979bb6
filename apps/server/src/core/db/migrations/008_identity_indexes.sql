-- identities_per_customer (customer_id, kind, value) already serves every lookup by customer: one index fewer per
-- contact point written (imports write hundreds of thousands).
drop index if exists identities_customer;
