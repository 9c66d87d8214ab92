-- Items X sent (or intake refused) that Signet can't take, each kept alone with its raw JSON and reason, so
-- that one bad item never stalls an account; listed for admins and replayed once fixed.
create sequence quarantine_entry_seq start with 1 increment by 50;
create table quarantine_entry (
    id              bigint primary key,
    account_key     varchar(64)   not null,
    source          varchar(16)   not null,
    kind            varchar(16),
    external_id     varchar(64),
    reason          varchar(32)   not null,
    detail          varchar(1000) not null,
    raw_json        text          not null,
    status          varchar(16)   not null,
    occurrences     integer       not null,
    replay_attempts integer       not null,
    last_replay_error varchar(1000),
    quarantined_at  timestamp with time zone not null,
    last_seen_at    timestamp with time zone not null,
    replayed_at     timestamp with time zone
);
create index ix_quarantine_entry_status on quarantine_entry (status, quarantined_at);
create index ix_quarantine_entry_external on quarantine_entry (account_key, external_id);
