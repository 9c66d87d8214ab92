-- A reply X accepted (2xx) with an answer that named no id is SENT all the same (never sent again); the reason is
-- kept, and the sweeper looks the id up a bounded number of times.
alter table outbox_entry add column id_unknown_reason varchar(500);
alter table outbox_entry add column id_lookups integer default 0 not null;
