package dev.signet.channel;

import java.util.List;

/**
 * What one fetch returned: the messages, oldest first, and the cursor to store once they are all stored
 * (null when nothing new was seen, or when the fetch was cut short, so the stored cursor stays).
 *
 * @param cutShort      the fetch stopped before reaching the stored cursor because the rate-limit window was spent:
 *                      older unread messages remain (the account's backlog), read at the next poll
 * @param quarantined   items of the same pages that can't be taken (kept in the quarantine; the cursor moves past
 *                      them)
 * @param usersLookedUp users the connector had to look up for authors X did not expand (billed as user reads)
 */
public record FetchResult(List<InboundMessage> messages, String cursor, boolean cutShort,
        List<QuarantinedItem> quarantined, int usersLookedUp) {

    public FetchResult(List<InboundMessage> messages, String cursor, boolean cutShort) {
        this(messages, cursor, cutShort, List.of(), 0);
    }

    public FetchResult(List<InboundMessage> messages, String cursor) {
        this(messages, cursor, false);
    }
}
