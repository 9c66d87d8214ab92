-- Whether an account's last read stopped short of its cursor (rate-limit window spent): its backlog on X.
alter table channel_account add column mentions_behind boolean default false not null;
alter table channel_account add column dms_behind boolean default false not null;
