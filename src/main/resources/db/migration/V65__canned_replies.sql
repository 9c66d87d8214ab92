-- Canned replies: a shared library of reply texts with variables, per brand account (account_key null = every
-- account), and the audit of who created, edited or deleted each entry. Portable between PostgreSQL and H2 in
-- PostgreSQL mode.
create sequence canned_reply_seq start with 1 increment by 50;
create table canned_reply (
    id           bigint primary key,
    title        varchar(80)   not null,
    -- lower-cased, trimmed title and the account scope ('*' = every account): one title per scope.
    title_key    varchar(80)   not null,
    scope_key    varchar(64)   not null,
    body         varchar(2000) not null,
    account_key  varchar(64),
    kind         varchar(8)    not null,
    tags         varchar(300),
    created_by   varchar(64)   not null,
    created_at   timestamp with time zone not null,
    updated_by   varchar(64)   not null,
    updated_at   timestamp with time zone not null,
    version      bigint        not null,
    constraint uq_canned_reply_title unique (scope_key, title_key)
);
create index ix_canned_reply_account on canned_reply (account_key);

-- Kept when the entry is deleted (no foreign key): who did what to which entry, and its title then.
create sequence canned_reply_audit_seq start with 1 increment by 50;
create table canned_reply_audit (
    id               bigint primary key,
    canned_reply_id  bigint       not null,
    action           varchar(12)  not null,
    title            varchar(80)  not null,
    actor            varchar(64)  not null,
    acted_at         timestamp with time zone not null
);
create index ix_canned_reply_audit_reply on canned_reply_audit (canned_reply_id, acted_at);
