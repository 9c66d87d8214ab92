-- Per brand account and endpoint (mentions, DMs, publishing): each fails, waits out X's limit and recovers on its
-- own, so one failing endpoint neither silences nor hides the others. Written only by the poller and the publisher.
create sequence channel_endpoint_seq start with 1 increment by 50;
create table channel_endpoint (
    id                    bigint primary key,
    account_key           varchar(64)  not null references channel_account (account_key),
    endpoint              varchar(32)  not null,
    last_success_at       timestamp with time zone,
    last_error            varchar(500),
    last_error_at         timestamp with time zone,
    consecutive_failures  integer      default 0 not null,
    blocked_until         timestamp with time zone,
    next_read_at          timestamp with time zone,
    constraint uq_channel_endpoint unique (account_key, endpoint)
);
