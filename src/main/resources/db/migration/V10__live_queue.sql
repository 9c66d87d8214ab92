-- The live queue: priority stored on the conversation, claim leases, hand-offs, repeat contacts, sentiment.
-- Portable between PostgreSQL and H2 (PostgreSQL mode); the partial index's WHERE clause is the Flyway
-- placeholder ${queue_open_only} because H2 has no partial indexes (it gets a full index there).

-- Static priority points (tier, repeat contact, negative sentiment) and the queue order key: the moment from
-- which the conversation's score grows at the same rate as every other (see care.PriorityRule). Null when
-- nothing runs on our side (waiting on the customer, no promise due): such rows come last.
alter table conversation add column priority_points integer not null default 0;
alter table conversation add column queue_key timestamp with time zone;
-- How many times the customer came to this matter: 1, plus one per reopening.
alter table conversation add column contact_count integer not null default 1;
-- The sentiment of the customer's latest scored message, and when that message was written.
alter table conversation add column sentiment varchar(10);
alter table conversation add column sentiment_at timestamp with time zone;
-- Set by promised updates (issue #7): when the team said it would get back to the customer.
alter table conversation add column promised_update_at timestamp with time zone;
-- Set by escalation rules (issue #7).
alter table conversation add column escalated boolean not null default false;
-- The claim: who holds the conversation and until when (an expired lease counts as free).
alter table conversation add column held_by_user_id bigint references app_user (id);
alter table conversation add column held_until timestamp with time zone;

create index ix_conversation_queue on conversation (queue_key, id) ${queue_open_only};
create index ix_conversation_holder on conversation (held_by_user_id);

create sequence hand_off_seq start with 1 increment by 50;

-- Who handed a conversation to whom, and why; the customer-facing line if one was sent.
create table hand_off (
    id               bigint primary key,
    conversation_id  bigint        not null references conversation (id),
    from_user_id     bigint        not null references app_user (id),
    to_user_id       bigint        not null references app_user (id),
    reason           varchar(500)  not null,
    customer_line    varchar(1000),
    created_at       timestamp with time zone not null
);
create index ix_hand_off_conversation on hand_off (conversation_id, created_at);

-- Conversations already open keep their order (longest waiting first) until their next change recomputes it.
update conversation set queue_key = waiting_since where status <> 'RESOLVED';
