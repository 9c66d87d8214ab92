package dev.signet.sentiment;

import java.time.Instant;

/**
 * A customer's inbound message has been given a sentiment, after it was stored and queued (scoring is off the
 * ingest path). Fired as a CDI event after the score is committed; the queue's priority and the insight
 * roll-ups observe it.
 *
 * @param messageId      the scored message
 * @param conversationId its conversation
 * @param accountKey     the brand account it was sent to
 * @param sentAt         when the customer sent it (the roll-ups bucket on this)
 * @param sentiment      the predicted class
 * @param confidence     the model's probability for that class, 0..1
 * @param modelVersion   which model (and brand adaptation) produced it
 */
public record MessageScored(long messageId, long conversationId, String accountKey, Instant sentAt,
        Sentiment sentiment, double confidence, String modelVersion) {
}
