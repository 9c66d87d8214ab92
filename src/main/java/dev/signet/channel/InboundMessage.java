package dev.signet.channel;

import java.time.Instant;

/**
 * A message fetched from a network for a brand account, on its way to intake.
 *
 * @param accountKey          the brand account it was fetched for
 * @param network             the network
 * @param externalId          the network's id of the message (the idempotency key with the network)
 * @param kind                public mention or direct message
 * @param author              who wrote it
 * @param recipientUserId     for a DM, who received it; null for a mention
 * @param text                the text as written
 * @param inReplyToExternalId the post it answers, if any
 * @param sentAt              when it was written, on the network's clock
 * @param repost              a repost (retweet) of someone else's post: noise that intake counts and drops
 */
public record InboundMessage(String accountKey, Network network, String externalId, MessageKind kind, Author author,
        String recipientUserId, String text, String inReplyToExternalId, Instant sentAt, boolean repost) {

    /** A message that is not a repost. */
    public InboundMessage(String accountKey, Network network, String externalId, MessageKind kind, Author author,
            String recipientUserId, String text, String inReplyToExternalId, Instant sentAt) {
        this(accountKey, network, externalId, kind, author, recipientUserId, text, inReplyToExternalId, sentAt, false);
    }

    /** The key that keeps one conversation's messages in order (account, kind, customer). */
    public String conversationKey() {
        return accountKey + ":" + kind + ":" + author.userId();
    }
}
