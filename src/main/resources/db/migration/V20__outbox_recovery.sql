-- Outbox, exactly once: when the current attempt started (a PUBLISHING entry older than the stuck timeout was
-- left by a publisher that died), when the first attempt started (from then on the reply may be on X: look it up
-- before sending again), and when a passing failure may be retried (backoff between sweeps).
alter table outbox_entry add column claimed_at timestamp with time zone;
alter table outbox_entry add column first_attempt_at timestamp with time zone;
alter table outbox_entry add column next_attempt_at timestamp with time zone;
create index ix_outbox_claimed on outbox_entry (status, claimed_at);
