-- One customer, one story (issue #5): CRM fields, handle history, link suggestions, audit, merges, pinned facts,
-- internal notes. Portable between PostgreSQL and H2 in PostgreSQL mode; PostgreSQL's trigram search indexes
-- come in V31 (a Java migration, since H2 has no pg_trgm).

create sequence handle_history_seq start with 1 increment by 50;
create sequence link_suggestion_seq start with 1 increment by 50;
create sequence customer_audit_seq start with 1 increment by 50;
create sequence customer_merge_seq start with 1 increment by 50;
create sequence pinned_fact_seq start with 1 increment by 50;
create sequence customer_note_seq start with 1 increment by 50;

alter table customer add column lifetime_value numeric(14, 2) default 0 not null;
alter table customer add column tags varchar(1000);
-- What the CRM says of the customer's X account: the user id links at once; the handle only while no id is known.
alter table customer add column x_user_id varchar(32);
alter table customer add column x_handle varchar(64);
alter table customer add column merged_into_id bigint references customer (id);
alter table customer add column updated_at timestamp with time zone;
create index ix_customer_x_user_id on customer (x_user_id);
create index ix_customer_merged_into on customer (merged_into_id);

-- Handles an identity had before: from when it was first seen to when it changed.
create table handle_history (
    id           bigint primary key,
    identity_id  bigint       not null references social_identity (id),
    handle       varchar(64)  not null,
    valid_from   timestamp with time zone not null,
    valid_to     timestamp with time zone not null
);
create index ix_handle_history_identity on handle_history (identity_id);
alter table social_identity add column handle_since timestamp with time zone;

-- A possible link that no exact rule decides: an agent confirms or rejects it.
create table link_suggestion (
    id            bigint primary key,
    identity_id   bigint        not null references social_identity (id),
    customer_id   bigint        not null references customer (id),
    reason        varchar(300)  not null,
    confidence    numeric(3, 2) not null,
    status        varchar(12)   not null,
    created_at    timestamp with time zone not null,
    decided_by    varchar(64),
    decided_at    timestamp with time zone,
    constraint uq_link_suggestion unique (identity_id, customer_id)
);
create index ix_link_suggestion_customer on link_suggestion (customer_id);

-- Who linked, unlinked, merged, un-merged, pinned or unpinned what, when and why.
create table customer_audit (
    id            bigint primary key,
    customer_id   bigint        not null references customer (id),
    action        varchar(24)   not null,
    identity_id   bigint references social_identity (id),
    other_customer_id bigint references customer (id),
    actor         varchar(64)   not null,
    reason        varchar(500),
    at            timestamp with time zone not null
);
create index ix_customer_audit_customer on customer_audit (customer_id, at);

-- A merge of source into target, with what it moved, so that undo restores both exactly.
create table customer_merge (
    id                   bigint primary key,
    source_customer_id   bigint        not null references customer (id),
    target_customer_id   bigint        not null references customer (id),
    moved_identity_ids   varchar(4000) not null,
    moved_fact_ids       varchar(4000) not null,
    moved_note_ids       varchar(4000) not null,
    target_notes_before  varchar(4000),
    target_tags_before   varchar(1000),
    reason               varchar(500),
    merged_by            varchar(64)   not null,
    merged_at            timestamp with time zone not null,
    undone_by            varchar(64),
    undone_at            timestamp with time zone
);
create index ix_customer_merge_source on customer_merge (source_customer_id);
create index ix_customer_merge_target on customer_merge (target_customer_id);

-- A fact the customer already gave (order number, flight, address change), pinned from a message.
create table pinned_fact (
    id               bigint primary key,
    customer_id      bigint        not null references customer (id),
    message_id       bigint references message (id),
    label            varchar(80)   not null,
    fact_value       varchar(500)  not null,
    pinned_by        varchar(64)   not null,
    pinned_at        timestamp with time zone not null,
    unpinned_by      varchar(64),
    unpinned_at      timestamp with time zone
);
create index ix_pinned_fact_customer on pinned_fact (customer_id);

-- Internal notes on a customer (never sent to the customer).
create table customer_note (
    id            bigint primary key,
    customer_id   bigint         not null references customer (id),
    author_user_id bigint        not null references app_user (id),
    text          varchar(4000)  not null,
    created_at    timestamp with time zone not null
);
create index ix_customer_note_customer on customer_note (customer_id, created_at);

-- Search: CRM ids, emails and handles are looked up by exact lower-case value on every database.
create index ix_social_identity_handle on social_identity (handle);
create index ix_handle_history_handle on handle_history (handle);
create index ix_customer_email on customer (email);
