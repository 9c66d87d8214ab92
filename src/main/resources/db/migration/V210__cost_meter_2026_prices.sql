-- The cost meter on X's 2026 pay-per-use prices: polled mentions are owned reads ($0.001), other post reads (search)
-- and pushed post events are post reads ($0.005), pushed DM events are DM reads; public posts that answer no
-- mention are priced apart from replies to one. Until now post_reads held the polled mentions: they move.
alter table api_usage add column owned_reads bigint default 0 not null;
alter table api_usage add column pushed_posts bigint default 0 not null;
alter table api_usage add column pushed_dms bigint default 0 not null;
alter table api_usage add column posts bigint default 0 not null;
alter table api_usage add column free_rereads bigint default 0 not null;
update api_usage set owned_reads = post_reads, post_reads = 0;

-- X bills a resource once per UTC day: one row per resource an account read today (and yesterday, until the daily
-- purge), so that a re-read on the same day is counted as free.
create table api_read_day (
    account_key  varchar(64) not null,
    read_day     date        not null,
    resource_id  varchar(40) not null,
    constraint pk_api_read_day primary key (account_key, read_day, resource_id)
);
