package dev.signet.channel;

import java.time.Instant;

/**
 * A reply on its way to the network, as the publisher knows it: enough to send it and, when an earlier attempt's
 * answer was lost (timeout, 5xx after the write, a crash before it was marked), to recognise it among what the
 * brand already published ({@link ChannelConnector#findSent(OutgoingMessage)}).
 *
 * @param idempotencyKey      stable for every attempt at this reply ({@code signet-outbox-<id>}); X takes no such
 *                            key, so it names the reply in logs and recovery, and the match is made on content
 * @param directMessage       a DM (to {@code recipientUserId}) rather than a public reply (to {@code inReplyToExternalId})
 * @param text                the signed text, exactly as sent
 * @param firstAttemptAt      when the first attempt started: nothing older can be this reply
 */
public record OutgoingMessage(String idempotencyKey, boolean directMessage, String text, String inReplyToExternalId,
        String recipientUserId, Instant firstAttemptAt) {
}
