-- Message ids are drawn 500 at a time (Message's @SequenceGenerator, allocationSize = 500): intake stores a fetch of
-- up to 200 messages per transaction, and blocks of 50 cost four sequence round trips per fetch. Hibernate uses a
-- drawn value as the start of its block (Quarkus' pooled-lo), so the old blocks [v, v + 50) all lie below the first
-- value drawn after this change: no id is given twice.
alter sequence message_seq increment by 500;
