-- When each account last received a customer's message (for the silence alarm).
alter table channel_account add column last_message_at timestamp with time zone;

-- Messages received per account and hour (UTC): the usual rate the silence alarm compares with, and the
-- volume series of the insights.
create sequence hourly_volume_seq start with 1 increment by 50;
create table hourly_volume (
    id           bigint primary key,
    account_key  varchar(64) not null,
    hour_start   timestamp with time zone not null,
    messages     bigint not null,
    constraint uq_hourly_volume unique (account_key, hour_start)
);
