-- Continuity routing and repeat-contact escalation (issue #7, parts 1 and 2). Portable between PostgreSQL and H2
-- (PostgreSQL mode).

-- Who last had the conversation in hand: the agent who last claimed it (replying claims), got it by hand-off, or
-- held it when it was resolved. Continuity offers a returning customer's conversation to this agent.
alter table conversation add column handled_by_user_id bigint references app_user (id);
-- Set when the customer's conversation starts or reopens: the agent who handled the customer before, and until
-- when the conversation is offered to them (null or past: no offer, the row only notes who handled it before).
alter table conversation add column previous_agent_user_id bigint references app_user (id);
alter table conversation add column offered_until timestamp with time zone;
-- The matter this conversation belongs to when an agent linked it to an earlier one ("same matter as #123"): the
-- first conversation of the matter. Null: the conversation is its own matter.
alter table conversation add column matter_id bigint references conversation (id);
create index ix_conversation_offer on conversation (previous_agent_user_id, offered_until);
create index ix_conversation_offered_until on conversation (offered_until);
create index ix_conversation_matter on conversation (matter_id);

-- Best guess for conversations that exist already: who held it, else who wrote our latest reply.
update conversation set handled_by_user_id = held_by_user_id where held_by_user_id is not null;
update conversation set handled_by_user_id = (
    select max(m.author_user_id) from message m
    where m.conversation_id = conversation.id and m.direction = 'OUT' and m.author_user_id is not null
      and m.sent_at = (select max(m2.sent_at) from message m2
                       where m2.conversation_id = conversation.id and m2.direction = 'OUT' and m2.author_user_id is not null))
where handled_by_user_id is null;

-- Whether an agent is on shift. No row: away. On shift counts only while the agent was seen (a page opened, an
-- action) less than signet.care.away-after ago.
create table agent_presence (
    user_id       bigint      primary key references app_user (id),
    on_shift      boolean     not null,
    changed_at    timestamp with time zone not null,
    last_seen_at  timestamp with time zone not null
);

-- Audit of escalations: who (a username, or 'system' for the repeat-contact rule), when, why, with how many
-- contacts; de-escalations by leads too. Also a branch of the customer's timeline.
create sequence escalation_event_seq start with 1 increment by 50;
create table escalation_event (
    id               bigint primary key,
    conversation_id  bigint        not null references conversation (id),
    action           varchar(16)   not null,
    actor            varchar(100)  not null,
    reason           varchar(500)  not null,
    contacts         integer       not null,
    at               timestamp with time zone not null
);
create index ix_escalation_event_conversation on escalation_event (conversation_id, at);
