-- The sandbox: Signet's fake of X (users, tweets, their mentions, direct messages). Only the sandbox writes
-- here; production runs with the sandbox off, so these tables stay empty there.
-- Portable between PostgreSQL and H2 in PostgreSQL mode. Tweet, DM and user ids are X-style snowflakes
-- (assigned by the application, above 2^53), so only the mention table needs a Hibernate sequence.

create sequence sandbox_mention_seq start with 1 increment by 50;

-- A person or brand on the fake X. screen_name_key is the lower-cased handle: handles are unique regardless
-- of case on X (an expression index would not be portable to H2). Brands carry the access token that
-- identifies them as API callers.
create table sandbox_user (
    id                   bigint primary key,
    screen_name          varchar(20)  not null,
    screen_name_key      varchar(20)  not null,
    name                 varchar(50)  not null,
    brand                boolean      not null,
    access_token         varchar(100),
    access_token_secret  varchar(100),
    created_at           timestamp with time zone not null,
    constraint uq_sandbox_user_screen_name unique (screen_name_key),
    constraint uq_sandbox_user_access_token unique (access_token)
);

-- A public post. display_text_start > 0 when X prefixed the text with the @handle of the replied-to author
-- (auto_populate_reply_metadata); in_reply_to_* are set only when the reply is threaded.
create table sandbox_tweet (
    id                     bigint primary key,
    author_id              bigint        not null references sandbox_user (id),
    text                   varchar(2000) not null,
    display_text_start     integer       not null,
    in_reply_to_status_id  bigint,
    in_reply_to_user_id    bigint references sandbox_user (id),
    created_at             timestamp with time zone not null
);
create index ix_sandbox_tweet_author on sandbox_tweet (author_id, id);
create index ix_sandbox_tweet_reply_user on sandbox_tweet (in_reply_to_user_id, id);

-- Who a tweet mentions (only existing users, as X's user_mentions), with code point indices of "@handle".
create table sandbox_mention (
    id                 bigint  primary key,
    tweet_id           bigint  not null references sandbox_tweet (id),
    mentioned_user_id  bigint  not null references sandbox_user (id),
    start_index        integer not null,
    end_index          integer not null
);
create index ix_sandbox_mention_user on sandbox_mention (mentioned_user_id, tweet_id);
create index ix_sandbox_mention_tweet on sandbox_mention (tweet_id);

create table sandbox_direct_message (
    id            bigint primary key,
    sender_id     bigint         not null references sandbox_user (id),
    recipient_id  bigint         not null references sandbox_user (id),
    text          varchar(10000) not null,
    created_at    timestamp with time zone not null
);
create index ix_sandbox_dm_sender on sandbox_direct_message (sender_id, id);
create index ix_sandbox_dm_recipient on sandbox_direct_message (recipient_id, id);
