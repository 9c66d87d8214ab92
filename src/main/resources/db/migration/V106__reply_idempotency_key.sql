-- A client's Idempotency-Key for a reply sent through the API: a retry with the same key (after a timeout, a lost
-- answer, a restart) gets the stored reply back instead of storing and publishing a second one. Unique where given;
-- PostgreSQL and H2 both allow any number of NULLs in a unique index.
alter table outbox_entry add column idempotency_key varchar(100);
create unique index uq_outbox_idempotency_key on outbox_entry (idempotency_key);
