-- Status history (issue #5: the customer's timeline shows status changes): every move an agent makes by hand
-- and every reopening by a new contact, with who made it (null: the customer's message). The moves that
-- messages imply (an answer waits on the customer, a reply opens it again) show as the messages themselves.
create sequence status_change_seq start with 1 increment by 50;
create table status_change (
    id               bigint primary key,
    conversation_id  bigint       not null references conversation (id),
    from_status      varchar(24)  not null,
    to_status        varchar(24)  not null,
    user_id          bigint       references app_user (id),
    at               timestamp with time zone not null
);
create index ix_status_change_conversation on status_change (conversation_id, at);

-- Conversations resolved before this history existed keep their resolution on the timeline.
insert into status_change (id, conversation_id, from_status, to_status, user_id, at)
select nextval('status_change_seq'), c.id, 'OPEN', 'RESOLVED', null, c.resolved_at
from conversation c where c.resolved_at is not null;
