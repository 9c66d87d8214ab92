package dev.signet.reply;

/**
 * A reply as {@link ReplyWriter} leaves it: stored now, or found stored under the client's Idempotency-Key.
 *
 * @param queued   what the publisher needs to find it
 * @param replayed true when the request repeated an earlier one (same key): nothing new was stored
 */
record StoredReply(ReplyQueued queued, boolean replayed) {
}
