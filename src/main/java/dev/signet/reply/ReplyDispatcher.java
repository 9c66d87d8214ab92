package dev.signet.reply;

/**
 * Hands a stored reply to the publisher: at once in this thread ({@link DirectReplyDispatcher}, in-process) or
 * through the outbound Kafka topic ({@link KafkaReplyDispatcher}, production). Either way the outbox entry is
 * the source of truth: whatever is not published now is published by {@link OutboxSweeper} later.
 */
public interface ReplyDispatcher {

    void dispatch(ReplyQueued reply);
}
