-- Notifications (issue #7): what a user is told — an escalation for the leads, an @initials mention in a note,
-- a conversation offered back to its agent. One row per recipient, so "read" is per person.
create sequence notification_seq start with 1 increment by 50;
create table notification (
    id               bigint primary key,
    user_id          bigint        not null references app_user (id),
    kind             varchar(32)   not null,
    text             varchar(500)  not null,
    conversation_id  bigint        references conversation (id),
    created_at       timestamp with time zone not null,
    read_at          timestamp with time zone
);
create index ix_notification_user on notification (user_id, read_at, created_at);
