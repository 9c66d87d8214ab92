-- Right brand, right conversation (docs/features/threading.md).
-- A post that mentions several brand accounts of the team is stored once per account, in that account's own
-- conversation, so each brand sees it in its queue and answers it from its own account: the idempotency key of
-- intake becomes (network, external id, account). The account is the conversation's, copied here so that the
-- unique index can hold it (a message never moves to another account's conversation).
alter table message add column account_id bigint;
update message set account_id = (select c.account_id from conversation c where c.id = message.conversation_id);
alter table message alter column account_id set not null;
alter table message add constraint fk_message_account foreign key (account_id) references channel_account (id);
alter table message drop constraint uq_message_external;
create unique index uq_message_external_account on message (network, external_id, account_id);

-- A customer's reply to another customer's post starts (or joins) the replier's own conversation; the
-- conversation it came from is shown as related.
alter table conversation add column related_conversation_id bigint references conversation (id);
