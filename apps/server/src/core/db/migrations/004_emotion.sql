-- How the customer felt, message by message (domain/emotion): the agent sees it, routing raises upset customers.
alter table entries add column emotion text, add column sentiment real;
