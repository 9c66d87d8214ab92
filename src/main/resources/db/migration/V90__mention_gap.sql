-- Holes in an account's mentions timeline: polling paused so long that X no longer served the mentions between
-- the stored cursor and the oldest one it still gave. Owned by channel (channel.gap); recovered from X's search.
create sequence mention_gap_seq start with 1 increment by 50;
create table mention_gap (
    id               bigint primary key,
    account_key      varchar(64)  not null,
    -- Every id strictly between after_id and before_id is in the gap (X ids as text: they exceed 2^53).
    after_id         varchar(20)  not null,
    before_id        varchar(20)  not null,
    -- Search progress: what is above search_until_id was searched already.
    search_until_id  varchar(20)  not null,
    from_time        timestamp with time zone not null,
    to_time          timestamp with time zone not null,
    estimated_count  integer      not null,
    recovered_count  integer      not null,
    state            varchar(16)  not null,
    -- Created before this moment: older than X's search reaches, so lost for good.
    lost_before      timestamp with time zone,
    detected_at      timestamp with time zone not null,
    closed_at        timestamp with time zone,
    attempts         integer      not null,
    last_error       varchar(500)
);
create index ix_mention_gap_open on mention_gap (account_key, state);
