package dev.signet.channel;

import java.time.Instant;
import java.util.List;

/**
 * One brand account's connection to a network: fetch what customers wrote, publish what agents answer.
 * Implementations sit in sub-packages named for the network ({@code channel.x}) and throw
 * {@link ChannelException} for every failure.
 */
public interface ChannelConnector {

    /** Who the configured credentials belong to. */
    AccountProfile verifyCredentials();

    /** Every mention newer than {@code sinceId} (all of the reachable ones when null), oldest first. */
    FetchResult fetchMentions(String sinceId);

    /**
     * One bounded search of X's recent search (7 days back at most) for posts mentioning {@code handle} with ids
     * strictly between {@code sinceId} and {@code untilId}, newest first, at most {@code maxPages} pages: how a gap
     * in the mentions timeline ({@link FetchResult.Gap}) is recovered.
     */
    MentionSearch searchMentions(String handle, String sinceId, String untilId, int maxPages);

    /** Every direct message event newer than {@code lastSeenEventId} (sent and received), oldest first. */
    FetchResult fetchDirectMessages(String lastSeenEventId);

    /**
     * Parses a quarantined item of this connector again ({@link QuarantinedItem#rawJson}, possibly corrected by an
     * admin), as a fetch would, looking its author up when X did not name them.
     *
     * @throws UntakableItemException if it still can't be taken
     */
    InboundMessage replay(QuarantinedItem item);

    /**
     * A cursor for {@link #fetchMentions} and {@link #fetchDirectMessages} that reads only what was created after
     * {@code moment}: the first poll of an account reads back its initial backfill window with it.
     */
    String cursorAt(Instant moment);

    /** Publishes a public reply to the post {@code inReplyToExternalId}. */
    Published publishReply(String text, String inReplyToExternalId);

    /** Sends a direct message to the user {@code recipientUserId}. */
    Published sendDirectMessage(String recipientUserId, String text);

    /**
     * What the brand published since {@code outgoing.firstAttemptAt()} (less a margin for clock skew) that is this
     * reply: a public post in reply to the same post, or a DM to the same user, with the same text
     * ({@link SentTextMatch}); oldest first. Asked before sending again a reply whose earlier attempt may have
     * reached the network, since X takes no idempotency key.
     */
    List<Published> findSent(OutgoingMessage outgoing);
}
