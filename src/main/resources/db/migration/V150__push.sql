-- Push from X (channel.push). One row per message the X Activity API pushed or reconciliation found first, per
-- brand account: a message polled that was not pushed is a gap X left. Figures per account are counted from it.
create table push_seen (
    account_key  varchar(64) not null,
    external_id  varchar(32) not null,
    source       varchar(16) not null,
    seen_at      timestamp with time zone not null,
    constraint pk_push_seen primary key (account_key, external_id)
);
create index ix_push_seen_source on push_seen (account_key, source);

-- Per push account: the X calls push made (subscriptions, stream connections, webhook set-up and replay) and
-- when the last pushed event arrived (where a webhook replay starts after a restart).
create table push_account (
    account_key    varchar(64) primary key,
    requests       bigint default 0 not null,
    push_since     timestamp with time zone not null,
    last_event_at  timestamp with time zone
);
