package dev.signet.reply;

import java.time.Instant;

/**
 * A reply as stored and (if accepted) published.
 *
 * @param text       the signed text, exactly as sent to the network
 * @param delivery   PENDING, PUBLISHING, SENT or FAILED
 * @param externalId the network's id once SENT
 * @param error      why the last publication failed, if it did; for a reply X accepted without naming its id, why
 */
public record ReplyView(long messageId, long conversationId, String text, String signature, String agentInitials,
        DeliveryStatus delivery, String externalId, String error, Instant sentAt) {
}
