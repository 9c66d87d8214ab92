-- CSAT without fatigue (issue #7): one row per resolution of a conversation. A row is SCHEDULED when the
-- conversation is resolved, then decided once its delay has passed: ASKED (the question is an outgoing message
-- of the conversation, published through the outbox) or SKIPPED with the reason; an ASKED row becomes ANSWERED
-- when the customer's answer arrives. Portable between PostgreSQL and H2 in PostgreSQL mode.
create sequence csat_survey_seq start with 1 increment by 50;
create table csat_survey (
    id                   bigint primary key,
    conversation_id      bigint       not null references conversation (id),
    account_id           bigint       not null references channel_account (id),
    identity_id          bigint       not null references social_identity (id),
    -- The customer the identity was linked to when the question was asked (the cap also follows links made later).
    customer_id          bigint references customer (id),
    resolved_by_user_id  bigint references app_user (id),
    status               varchar(12)  not null,
    skip_reason          varchar(24),
    resolved_at          timestamp with time zone not null,
    due_at               timestamp with time zone not null,
    decided_at           timestamp with time zone,
    asked_at             timestamp with time zone,
    -- The question as sent (an outgoing message) and the customer's answer (an incoming message).
    message_id           bigint references message (id),
    answer_message_id    bigint references message (id),
    answered_at          timestamp with time zone,
    score                integer,
    comment              varchar(1000),
    -- Whether the answer reopened the conversation (free text or a low score with a comment).
    reopened             boolean      not null default false,
    -- A rating we could not read (e.g. "7"), kept while waiting for a valid one.
    unreadable_answer    varchar(100),
    -- One line for the customer timeline ("Answered 4/5", "Skipped: escalated").
    outcome              varchar(80)  not null,
    created_at           timestamp with time zone not null,
    constraint ck_csat_score check (score is null or (score between 1 and 5))
);
create index ix_csat_survey_due on csat_survey (status, due_at);
create index ix_csat_survey_conversation on csat_survey (conversation_id);
create index ix_csat_survey_identity on csat_survey (identity_id, asked_at);
create index ix_csat_survey_customer on csat_survey (customer_id, asked_at);
create index ix_csat_survey_account on csat_survey (account_id, asked_at);
create index ix_csat_survey_message on csat_survey (message_id);
