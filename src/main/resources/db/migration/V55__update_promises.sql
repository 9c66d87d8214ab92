-- Keep the customer in the loop (issue #7): when an agent sets "waiting on us" they promise the customer the next
-- update by a time (entered in the brand account's time zone, stored as an instant), optionally with the update
-- to publish then. Portable between PostgreSQL and H2 (PostgreSQL mode).

create sequence update_promise_seq start with 1 increment by 50;

-- Every promise ever made, and how it ended: PENDING until an update reaches the customer (KEPT on time, BROKEN
-- late), or the promise is closed without one (WITHDRAWN before it was due, BROKEN after). Team figures are
-- counted from here; who made it is kept for the signature of the scheduled update, never for a ranking.
create table update_promise (
    id                 bigint primary key,
    conversation_id    bigint        not null references conversation (id),
    account_id         bigint        not null references channel_account (id),
    made_by_user_id    bigint        not null references app_user (id),
    made_at            timestamp with time zone not null,
    due_at             timestamp with time zone not null,
    -- The promise as the customer was told it: local date-time and zone of the brand account.
    due_local          varchar(16)   not null,
    time_zone          varchar(64)   not null,
    -- The signed update to publish at due_at (null: none scheduled).
    update_text        varchar(10000),
    outcome            varchar(12)   not null,
    settled_at         timestamp with time zone,
    settled_how        varchar(24),
    update_message_id  bigint references message (id)
);
create index ix_update_promise_outcome_due on update_promise (outcome, due_at);
create index ix_update_promise_due on update_promise (due_at);
create index ix_update_promise_conversation on update_promise (conversation_id);

-- The conversation's pending promise (promised_update_at, from V10, is its due time) and whether the queue has
-- raised it yet (a lead time before it is due; until then the promise does not count in the order).
alter table conversation add column promise_id bigint references update_promise (id);
alter table conversation add column promise_raised boolean not null default false;
create index ix_conversation_promised_update on conversation (promised_update_at);
