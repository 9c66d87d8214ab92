-- Sentiment of customers' messages (issue #8): one score per inbound message, agents' corrections per brand
-- account, and each account's adapted model versions (one active at most; none active = the shipped model).
create sequence sentiment_correction_seq start with 1 increment by 50;
create sequence sentiment_model_version_seq start with 1 increment by 50;

create table message_sentiment (
    message_id     bigint primary key references message (id),
    account_key    varchar(64)      not null,
    sentiment      varchar(16)      not null,
    confidence     double precision not null,
    -- The shipped head's class probabilities before any prior shift: what a brand's label mix is estimated from.
    base_positive  double precision not null,
    base_neutral   double precision not null,
    base_negative  double precision not null,
    model_version  varchar(80)      not null,
    scored_at      timestamp with time zone not null
);
create index ix_message_sentiment_account on message_sentiment (account_key, scored_at);

-- The scoring worker looks for recent inbound messages without a score.
create index ix_message_stored_at on message (stored_at);

create table sentiment_correction (
    id            bigint primary key,
    message_id    bigint       not null references message (id),
    account_key   varchar(64)  not null,
    sentiment     varchar(16)  not null,
    corrected_by  bigint       not null references app_user (id),
    corrected_at  timestamp with time zone not null,
    -- The message's sentence embedding, filled by the retrainer the first time it uses the correction.
    features      bytea,
    constraint uq_sentiment_correction_message unique (message_id)
);
create index ix_sentiment_correction_account on sentiment_correction (account_key);

create table sentiment_model_version (
    id            bigint primary key,
    account_key   varchar(64)  not null,
    number        integer      not null,
    label         varchar(80)  not null,
    corrections   integer      not null,
    traffic       integer      not null,
    prior_positive double precision not null,
    prior_neutral  double precision not null,
    prior_negative double precision not null,
    head          bytea        not null,
    active        boolean      not null,
    created_at    timestamp with time zone not null,
    constraint uq_sentiment_model_version unique (account_key, number)
);
