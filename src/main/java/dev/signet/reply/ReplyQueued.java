package dev.signet.reply;

/**
 * A reply was stored with its outbox entry and waits to be published. The entry holds everything else, so the
 * event stays small and a stale or repeated event does no harm (the publisher claims the entry first).
 *
 * @param outboxId       the outbox entry to publish
 * @param conversationId its conversation: the Kafka key, so one conversation's replies go out in order
 */
public record ReplyQueued(long outboxId, long conversationId) {
}
