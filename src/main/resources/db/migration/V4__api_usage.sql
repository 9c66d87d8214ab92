-- X API use per brand account and calendar month (UTC), for the pay-per-use cost meter.
create sequence api_usage_seq start with 1 increment by 50;
create table api_usage (
    id                bigint primary key,
    account_key       varchar(64) not null,
    usage_month       varchar(7)  not null,
    post_reads        bigint      not null,
    dm_reads          bigint      not null,
    replies           bigint      not null,
    replies_with_url  bigint      not null,
    dms_sent          bigint      not null,
    constraint uq_api_usage unique (account_key, usage_month)
);
