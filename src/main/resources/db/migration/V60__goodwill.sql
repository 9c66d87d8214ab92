-- Goodwill gestures (issue #7, part 4): what an agent gave a customer on a conversation (a voucher, a refund of
-- a fee), within their allowance for the period (GRANTED at once) or over it (PENDING_APPROVAL until a lead
-- APPROVES or DECLINES it). Every decision keeps who made it and when. Portable between PostgreSQL and H2 in
-- PostgreSQL mode.
create sequence goodwill_gesture_seq start with 1 increment by 50;
create table goodwill_gesture (
    id                  bigint primary key,
    conversation_id     bigint         not null references conversation (id),
    agent_user_id       bigint         not null references app_user (id),
    amount              numeric(12, 2) not null,
    currency            varchar(3)     not null,
    reason              varchar(500)   not null,
    status              varchar(24)    not null,
    created_at          timestamp with time zone not null,
    decided_by_user_id  bigint references app_user (id),
    decided_at          timestamp with time zone,
    decision_note       varchar(500),
    constraint ck_goodwill_amount check (amount > 0)
);
-- The allowance check and the ledgers sum one agent's (or everyone's) gestures of one period.
create index ix_goodwill_agent_period on goodwill_gesture (agent_user_id, created_at);
create index ix_goodwill_period on goodwill_gesture (created_at);
-- The conversation page and the customer timeline list a conversation's gestures.
create index ix_goodwill_conversation on goodwill_gesture (conversation_id);
-- Leads' approval list: the (few) gestures waiting for a decision.
create index ix_goodwill_status on goodwill_gesture (status, created_at);
