-- Service levels (package sla). Portable between PostgreSQL and H2 in PostgreSQL mode.

-- Policies per brand account, optionally per loyalty tier and channel; scope = account|tier|channel (* for any).
create sequence sla_policy_seq start with 1 increment by 50;
create table sla_policy (
    id                     bigint primary key,
    account_key            varchar(64)   not null,
    tier                   varchar(64),
    channel                varchar(16),
    scope                  varchar(200)  not null,
    first_response_minutes integer       not null,
    next_response_minutes  integer       not null,
    resolution_minutes     integer       not null,
    always_open            boolean       not null,
    hours                  varchar(500),
    holidays               varchar(4000) not null,
    updated_at             timestamp with time zone not null,
    updated_by             varchar(64)   not null,
    version                bigint        not null,
    constraint uq_sla_policy_scope unique (scope)
);

-- Every change of a policy: who, when, what it was before and after (JSON of the policy; null when none).
create sequence sla_policy_change_seq start with 1 increment by 50;
create table sla_policy_change (
    id          bigint primary key,
    scope       varchar(200) not null,
    action      varchar(16)  not null,
    actor       varchar(64)  not null,
    changed_at  timestamp with time zone not null,
    before_json varchar(6000),
    after_json  varchar(6000)
);
create index ix_sla_policy_change_scope on sla_policy_change (scope, changed_at);

-- The record of targets: one row per target a conversation ran (first response, each wait for a next response,
-- resolution), rewritten from care's timeline whenever the conversation changes. met is null while running.
create sequence sla_target_seq start with 1 increment by 50;
create table sla_target (
    id               bigint primary key,
    conversation_id  bigint       not null,
    account_key      varchar(64)  not null,
    tier             varchar(64)  not null,
    channel          varchar(16)  not null,
    policy_id        bigint       not null,
    target           varchar(20)  not null,
    seq              integer      not null,
    started_at       timestamp with time zone not null,
    due_at           timestamp with time zone not null,
    ended_at         timestamp with time zone,
    business_seconds bigint,
    met              boolean,
    constraint uq_sla_target unique (conversation_id, target, seq)
);
-- The team's figures of a period read this index alone (index-only scan): counts, median and p90.
create index ix_sla_target_report on sla_target (account_key, started_at, target, tier, channel, met, business_seconds, due_at);
-- The breaches of a period, latest first, with their conversations.
create index ix_sla_target_breach on sla_target (account_key, due_at) ;

-- Conversations changed since the record last caught up with them (one row each, drained by SlaRecorder).
create table sla_pending (
    conversation_id bigint primary key,
    noted_at        timestamp with time zone not null
);

-- Care keeps our first response and the next target's due time on the conversation (the queue's SLA reason).
alter table conversation add column first_response_at timestamp with time zone;
alter table conversation add column sla_due_at timestamp with time zone;
alter table conversation add column sla_target varchar(20);
update conversation c set first_response_at =
    (select min(m.sent_at) from message m where m.conversation_id = c.id and m.direction = 'OUT');
create index ix_conversation_sla_due on conversation (sla_due_at);
