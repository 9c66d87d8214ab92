-- Service-level roll-ups (package sla). Portable between PostgreSQL and H2 in PostgreSQL mode.

-- The record of targets (sla_target) summed per account-local day of the start, target, tier, channel and
-- duration bucket (sla.DurationBuckets: fixed log-scale buckets of business seconds; -1 holds the running targets).
-- Kept in the transaction that rewrites sla_target, so it always equals the sum of the record's rows.
create table sla_daily (
    account_key varchar(64) not null,
    local_day   date        not null,
    target      varchar(20) not null,
    tier        varchar(64) not null,
    channel     varchar(16) not null,
    bucket      smallint    not null,
    met         bigint      not null,
    missed      bigint      not null,
    running     bigint      not null,
    constraint pk_sla_daily primary key (account_key, local_day, target, tier, channel, bucket)
);

-- The time zone each account's roll-up days were cut in; a different zone in the configuration rebuilds them.
create table sla_daily_zone (
    account_key varchar(64) primary key,
    zone        varchar(64) not null
);

-- Breaches latest first (met = false, or running past due) and running targets not yet due, from one index.
drop index ix_sla_target_breach;
create index ix_sla_target_open on sla_target (met, due_at, account_key);
