-- Signet core schema. Portable between PostgreSQL (production, tests) and H2 in PostgreSQL mode (embedded).
-- Hibernate's pooled sequences: one per entity, increment 50.

create sequence app_user_seq start with 1 increment by 50;
create sequence channel_account_seq start with 1 increment by 50;
create sequence customer_seq start with 1 increment by 50;
create sequence social_identity_seq start with 1 increment by 50;
create sequence conversation_seq start with 1 increment by 50;
create sequence message_seq start with 1 increment by 50;
create sequence outbox_entry_seq start with 1 increment by 50;

-- People who log in: agents, leads, brand managers, admins. Initials sign replies.
create table app_user (
    id             bigint primary key,
    username       varchar(64)  not null,
    password_hash  varchar(100) not null,
    display_name   varchar(120) not null,
    initials       varchar(4),
    role           varchar(20)  not null,
    created_at     timestamp with time zone not null,
    constraint uq_app_user_username unique (username),
    constraint uq_app_user_initials unique (initials)
);

-- A brand's account on a network, with the cursors of what has been stored.
create table channel_account (
    id                 bigint primary key,
    account_key        varchar(64)  not null,
    network            varchar(16)  not null,
    handle             varchar(64)  not null,
    external_user_id   varchar(32),
    mentions_since_id  varchar(32),
    dm_last_event_id   varchar(32),
    last_poll_at       timestamp with time zone,
    last_poll_error    varchar(500),
    created_at         timestamp with time zone not null,
    constraint uq_channel_account_key unique (account_key)
);

create table customer (
    id            bigint primary key,
    crm_id        varchar(64),
    name          varchar(200) not null,
    email         varchar(254),
    loyalty_tier  varchar(20)  not null,
    notes         varchar(4000),
    created_at    timestamp with time zone not null,
    constraint uq_customer_crm_id unique (crm_id)
);

-- Who wrote on a network, keyed on the network's user id (handles change, ids don't).
create table social_identity (
    id                bigint primary key,
    network           varchar(16)  not null,
    external_user_id  varchar(32)  not null,
    handle            varchar(64)  not null,
    display_name      varchar(200),
    customer_id       bigint references customer (id),
    link_rule         varchar(40),
    linked_at         timestamp with time zone,
    created_at        timestamp with time zone not null,
    constraint uq_social_identity unique (network, external_user_id)
);
create index ix_social_identity_customer on social_identity (customer_id);

create table conversation (
    id                bigint primary key,
    account_id        bigint       not null references channel_account (id),
    identity_id       bigint       not null references social_identity (id),
    kind              varchar(10)  not null,
    status            varchar(24)  not null,
    first_message_at  timestamp with time zone not null,
    last_message_at   timestamp with time zone not null,
    waiting_since     timestamp with time zone,
    last_preview      varchar(300) not null,
    last_direction    varchar(8)   not null,
    resolved_at       timestamp with time zone,
    created_at        timestamp with time zone not null,
    version           bigint       not null
);
create index ix_conversation_open on conversation (status, last_message_at);
create index ix_conversation_identity on conversation (identity_id, kind, status);

-- Every message in and out. (network, external_id) is the idempotency key of intake; an outgoing message
-- has no external id until X has accepted it.
create table message (
    id                       bigint primary key,
    conversation_id          bigint        not null references conversation (id),
    network                  varchar(16)   not null,
    external_id              varchar(32),
    direction                varchar(8)    not null,
    author_identity_id       bigint references social_identity (id),
    author_user_id           bigint references app_user (id),
    text                     varchar(10000) not null,
    in_reply_to_external_id  varchar(32),
    sent_at                  timestamp with time zone not null,
    stored_at                timestamp with time zone not null,
    constraint uq_message_external unique (network, external_id)
);
create index ix_message_conversation on message (conversation_id, sent_at);
create index ix_message_reply_to on message (network, in_reply_to_external_id);

-- Transactional outbox: written with the outgoing message, drained by the publisher.
create table outbox_entry (
    id               bigint primary key,
    message_id       bigint       not null references message (id),
    status           varchar(12)  not null,
    attempts         integer      not null,
    last_error       varchar(500),
    created_at       timestamp with time zone not null,
    sent_at          timestamp with time zone,
    constraint uq_outbox_message unique (message_id)
);
create index ix_outbox_status on outbox_entry (status, created_at);
