-- Internal notes on a conversation (issue #7): written by agents and leads for colleagues, never published.
create sequence conversation_note_seq start with 1 increment by 50;
create table conversation_note (
    id              bigint primary key,
    conversation_id bigint         not null references conversation (id),
    author_user_id  bigint         not null references app_user (id),
    text            varchar(4000)  not null,
    created_at      timestamp with time zone not null
);
create index ix_conversation_note_conversation on conversation_note (conversation_id, created_at);

-- A mention in a customer note points at the customer, as one in a conversation note points at the conversation.
alter table notification add column customer_id bigint references customer (id);
