-- Insights: roll-ups the brand manager's pages read (never a scan of the message table), spike alerts and
-- flagged messages. Portable between PostgreSQL and H2 in PostgreSQL mode.

-- Sentiment of customers' messages per account and hour (UTC) of sending, counted when each score commits.
create sequence hourly_sentiment_seq start with 1 increment by 50;
create table hourly_sentiment (
    id           bigint primary key,
    account_key  varchar(64) not null,
    hour_start   timestamp with time zone not null,
    positive     bigint not null,
    neutral      bigint not null,
    negative     bigint not null,
    constraint uq_hourly_sentiment unique (account_key, hour_start)
);

-- The class each message was last counted under: a message scored again (a new model version) moves its count
-- instead of adding it twice.
create table scored_message (
    message_id    bigint primary key references message (id),
    account_key   varchar(64) not null,
    sent_at       timestamp with time zone not null,
    sentiment     varchar(10) not null,
    confidence    double precision not null,
    model_version varchar(64) not null
);

-- Hashtags and terms of customers' messages per account and day (UTC), with the first few messages that used
-- them (comma-separated message ids) as examples.
create sequence daily_term_seq start with 1 increment by 50;
create table daily_term (
    id           bigint primary key,
    account_key  varchar(64)  not null,
    term_day     date         not null,
    term         varchar(64)  not null,
    hashtag      boolean      not null,
    mentions     bigint       not null,
    example_ids  varchar(100) not null,
    constraint uq_daily_term unique (account_key, term_day, term)
);
-- The top terms of a period are summed from this index alone (an index-only scan, no table rows read).
create index ix_daily_term_top on daily_term (account_key, term_day, hashtag, term, mentions);

-- Messages flagged for the brand manager: strongly negative ones (from the sentiment scores) and, later,
-- market feedback flagged by agents.
create sequence flagged_message_seq start with 1 increment by 50;
create table flagged_message (
    id           bigint primary key,
    account_key  varchar(64) not null,
    message_id   bigint      not null references message (id),
    reason       varchar(24) not null,
    sent_at      timestamp with time zone not null,
    flagged_at   timestamp with time zone not null,
    constraint uq_flagged_message unique (message_id, reason)
);
create index ix_flagged_message_account on flagged_message (account_key, sent_at);

-- Spike alerts, one row per episode. open_key is "account:kind" while the episode lasts and null once it
-- closed: the unique constraint lets at most one episode per account and kind be open, across replicas.
create sequence spike_alert_seq start with 1 increment by 50;
create table spike_alert (
    id             bigint primary key,
    account_key    varchar(64) not null,
    kind           varchar(24) not null,
    open_key       varchar(100),
    hour_start     timestamp with time zone not null,
    opened_at      timestamp with time zone not null,
    closed_at      timestamp with time zone,
    observed       double precision not null,
    baseline       double precision not null,
    z_score        double precision not null,
    peak_observed  double precision not null,
    constraint uq_spike_alert_open unique (open_key)
);
create index ix_spike_alert_account on spike_alert (account_key, opened_at);

-- Resolution time on the customer's clock for a period: resolved conversations of an account by resolved_at,
-- with the first message's time in the index so that the percentiles need no table rows (index-only scan).
create index ix_conversation_resolved on conversation (account_id, resolved_at, first_message_at);
