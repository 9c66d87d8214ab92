-- A flag knows its message's conversation, so the conversation page reads its flags from insight's own table
-- (not through care's message table). Existing flags take it from their message, once, here.
alter table flagged_message add column conversation_id bigint;
update flagged_message set conversation_id =
    (select m.conversation_id from message m where m.id = flagged_message.message_id);
create index ix_flagged_message_conversation on flagged_message (conversation_id);
