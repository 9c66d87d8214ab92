-- One poller per account across replicas: a lease on the account row, renewed at every poll.
alter table channel_account add column lease_owner varchar(120);
alter table channel_account add column lease_until timestamp with time zone;
-- Health: failed polls in a row (reset by a successful poll).
alter table channel_account add column consecutive_failures integer default 0 not null;

-- Messages intake dropped as noise, counted per account and reason so that nothing is lost silently.
create sequence intake_drop_seq start with 1 increment by 50;
create table intake_drop (
    id                bigint primary key,
    account_key       varchar(64)  not null,
    reason            varchar(32)  not null,
    dropped           bigint       not null,
    last_external_id  varchar(32),
    last_dropped_at   timestamp with time zone not null,
    constraint uq_intake_drop unique (account_key, reason)
);
